from typing import Literal

IssueRevisitLinkResponse404Code = Literal['not_found']

ISSUE_REVISIT_LINK_RESPONSE_404_CODE_VALUES: set[IssueRevisitLinkResponse404Code] = { 'not_found',  }

def check_issue_revisit_link_response_404_code(value: str) -> IssueRevisitLinkResponse404Code:
    if value in ISSUE_REVISIT_LINK_RESPONSE_404_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ISSUE_REVISIT_LINK_RESPONSE_404_CODE_VALUES!r}")
