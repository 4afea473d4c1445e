from typing import Literal

IssueRevisitLinkResponse422Code = Literal['validation_error']

ISSUE_REVISIT_LINK_RESPONSE_422_CODE_VALUES: set[IssueRevisitLinkResponse422Code] = { 'validation_error',  }

def check_issue_revisit_link_response_422_code(value: str) -> IssueRevisitLinkResponse422Code:
    if value in ISSUE_REVISIT_LINK_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ISSUE_REVISIT_LINK_RESPONSE_422_CODE_VALUES!r}")
