from typing import Literal

PostRevisitPageWithoutJavascriptResponse422Code = Literal['validation_error']

POST_REVISIT_PAGE_WITHOUT_JAVASCRIPT_RESPONSE_422_CODE_VALUES: set[PostRevisitPageWithoutJavascriptResponse422Code] = { 'validation_error',  }

def check_post_revisit_page_without_javascript_response_422_code(value: str) -> PostRevisitPageWithoutJavascriptResponse422Code:
    if value in POST_REVISIT_PAGE_WITHOUT_JAVASCRIPT_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {POST_REVISIT_PAGE_WITHOUT_JAVASCRIPT_RESPONSE_422_CODE_VALUES!r}")
