"""Progress of the long stages: a bar with a count and time left in a terminal, plain lines in a log.

In a terminal the bar is redrawn in place (`\\r`) at most a few times a second; when the
output is not a terminal (CI logs, a pipe) a plain line is printed every `every` seconds
and at the end, so a log shows the build is alive without a line per item. `Progress.off()`
(what `--quiet` gives) prints nothing.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

BAR_WIDTH = 24
REDRAW = 0.2  # seconds between redraws of the terminal bar


def _clock(seconds: float) -> str:
    seconds = max(0, int(round(seconds)))
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


class Progress:
    """Counts done items of one stage and shows how far it is; `update(n)` after each piece of work."""

    def __init__(
        self,
        label: str,
        total: int,
        stream: TextIO | None = None,
        *,
        enabled: bool = True,
        terminal: bool | None = None,
        every: float = 10.0,
        clock=time.monotonic,  # noqa: ANN001 - injectable for tests
    ) -> None:
        self.label = label
        self.total = total
        self.stream = stream if stream is not None else sys.stdout
        self.enabled = enabled and total > 0
        self.terminal = terminal if terminal is not None else bool(getattr(self.stream, "isatty", lambda: False)())
        self.every = every
        self.clock = clock
        self.done = 0
        self.started = clock()
        self._shown = self.started
        self._drawn = False

    @classmethod
    def off(cls, label: str = "", total: int = 0) -> Progress:
        return cls(label, total, enabled=False)

    def line(self) -> str:
        """`analyse: 120/2225 (5%), 4.1/s, 8:33 left` (time left once something is done)."""
        elapsed = self.clock() - self.started
        share = self.done / self.total if self.total else 1.0
        text = f"{self.label}: {self.done}/{self.total} ({share:.0%})"
        if self.done and elapsed > 0:
            rate = self.done / elapsed
            text += f", {rate:.1f}/s"
            if self.done < self.total:
                text += f", {_clock((self.total - self.done) / rate)} left"
            else:
                text += f", {_clock(elapsed)}"
        return text

    def bar(self) -> str:
        share = self.done / self.total if self.total else 1.0
        filled = int(BAR_WIDTH * share)
        return "[" + "#" * filled + "-" * (BAR_WIDTH - filled) + "] " + self.line()

    def update(self, count: int = 1) -> None:
        self.done = min(self.total, self.done + count)
        if not self.enabled:
            return
        now = self.clock()
        if self.terminal:
            if now - self._shown >= REDRAW or self.done == self.total:
                self.stream.write("\r" + self.bar() + "\x1b[K")
                self.stream.flush()
                self._shown, self._drawn = now, True
        elif now - self._shown >= self.every and self.done < self.total:
            self.stream.write(self.line() + "\n")
            self.stream.flush()
            self._shown = now

    def close(self) -> None:
        """The final state: the full bar then a line break in a terminal; nothing more in a log
        (the stage prints its own summary line after)."""
        if not self.enabled:
            return
        if self.terminal:
            self.stream.write("\r" + self.bar() + "\x1b[K\n")
            self.stream.flush()
        self.enabled = False

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class Reporter:
    """Makes a `Progress` for each stage, or silent ones (`--quiet`)."""

    def __init__(self, enabled: bool = True, stream: TextIO | None = None, every: float = 10.0) -> None:
        self.enabled = enabled
        self.stream = stream
        self.every = every

    def __call__(self, label: str, total: int) -> Progress:
        return Progress(label, total, self.stream, enabled=self.enabled, every=self.every)


QUIET = Reporter(enabled=False)
