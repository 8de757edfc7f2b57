"""A value each process reads rarely and keeps for a while: the search vocabulary, the database
backends' lexicon. Not Django's cache: the values are Python objects read on every search, and a
process-local copy costs nothing to reach."""

import threading
import time
from collections.abc import Callable
from typing import Generic, TypeVar

Value = TypeVar("Value")


class ProcessCache(Generic[Value]):
    """`get()` gives the value `load()` made, made again once it is `seconds` old or cleared."""

    def __init__(self, load: Callable[[], Value], *, seconds: float) -> None:
        self._load = load
        self.seconds = seconds
        self._kept: tuple[float, Value] | None = None
        self._lock = threading.Lock()

    def get(self) -> Value:
        kept = self._kept
        if kept is not None and time.monotonic() - kept[0] < self.seconds:
            return kept[1]
        with self._lock:
            if self._kept is not kept and self._kept is not None:
                return self._kept[1]  # another thread made it while this one waited
            fresh = self._load()
            self._kept = (time.monotonic(), fresh)
            return fresh

    def clear(self) -> None:
        self._kept = None
