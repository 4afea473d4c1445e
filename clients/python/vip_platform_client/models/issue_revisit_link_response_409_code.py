from typing import Literal

IssueRevisitLinkResponse409Code = Literal['conflict']

ISSUE_REVISIT_LINK_RESPONSE_409_CODE_VALUES: set[IssueRevisitLinkResponse409Code] = { 'conflict',  }

def check_issue_revisit_link_response_409_code(value: str) -> IssueRevisitLinkResponse409Code:
    if value in ISSUE_REVISIT_LINK_RESPONSE_409_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ISSUE_REVISIT_LINK_RESPONSE_409_CODE_VALUES!r}")
