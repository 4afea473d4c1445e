from typing import Literal

Channel = Literal['agency', 'bancassurance', 'broker', 'direct', 'group']

CHANNEL_VALUES: set[Channel] = { 'agency', 'bancassurance', 'broker', 'direct', 'group',  }

def check_channel(value: str) -> Channel:
    if value in CHANNEL_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CHANNEL_VALUES!r}")
