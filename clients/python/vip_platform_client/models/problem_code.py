from typing import Literal

ProblemCode = Literal['answered_too_fast', 'bad_gateway', 'calendar_unknown', 'clinic_closed', 'conflict', 'forbidden', 'fully_booked', 'gateway_timeout', 'identity_mismatch', 'illegal_transition', 'internal_error', 'invalid_signature', 'link_expired', 'method_not_allowed', 'not_entitled', 'not_found', 'payload_too_large', 'precondition_failed', 'precondition_required', 'quota_exhausted', 'rate_limited', 'service_unavailable', 'session_locked', 'too_late_to_book', 'unauthorized', 'validation_error']

PROBLEM_CODE_VALUES: set[ProblemCode] = { 'answered_too_fast', 'bad_gateway', 'calendar_unknown', 'clinic_closed', 'conflict', 'forbidden', 'fully_booked', 'gateway_timeout', 'identity_mismatch', 'illegal_transition', 'internal_error', 'invalid_signature', 'link_expired', 'method_not_allowed', 'not_entitled', 'not_found', 'payload_too_large', 'precondition_failed', 'precondition_required', 'quota_exhausted', 'rate_limited', 'service_unavailable', 'session_locked', 'too_late_to_book', 'unauthorized', 'validation_error',  }

def check_problem_code(value: str) -> ProblemCode:
    if value in PROBLEM_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PROBLEM_CODE_VALUES!r}")
