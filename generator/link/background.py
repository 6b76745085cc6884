"""One piece of the link stage run in a forked process while this one goes on with another.

The link stage is a chain (entities, then the stories and quotes that read them), but some
of its work needs no entity: the text articles share, and the articles' nearest neighbours
by their words. On a machine with two cores or more that work runs beside entity linking
in a child forked from this process, which shares the corpus without copying it; the result
comes back pickled through a pipe. Same functions, same inputs: the same result as running
them here, which is what happens with one core, without `fork`, or when the child dies
before it answers (killed, out of memory). An error raised in the child is raised here.

What runs in the child must not start OpenMP threads (scikit-learn's k-means does): GNU
libgomp hangs in a process forked from one that has run them, so such work stays in the parent.
"""

from __future__ import annotations

import multiprocessing
import signal
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class Background(Generic[T]):
    """The result of `function`, computed in a forked process when `workers` allows a second one."""

    def __init__(self, function: Callable[[], T], workers: int) -> None:
        self._function = function
        self._done: tuple[T] | None = None
        self._process: Any = None
        self._receiver: Connection | None = None
        if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
            self._done = (function(),)
            return
        context = multiprocessing.get_context("fork")
        receiver, sender = context.Pipe(duplex=False)
        self._process = context.Process(target=_answer, args=(function, sender), daemon=True)
        self._process.start()
        sender.close()  # the child holds its own end: reading sees the end of the pipe when the child is gone
        self._receiver = receiver

    @property
    def forked(self) -> bool:
        """Whether the work runs (or ran) in a child process."""
        return self._process is not None

    def result(self) -> T:
        """The function's result (waits for the child); the child's error raised here, with its traceback noted.

        An answer that cannot be read (the child died; an error whose class cannot be rebuilt from its
        pickle) leaves the work to this process, which then raises the real error if there is one."""
        if self._done is not None:
            return self._done[0]
        assert self._receiver is not None
        try:
            answer = self._receiver.recv()
        except Exception:  # noqa: BLE001 - EOFError (the child is gone) or an unreadable answer: done here
            answer = None
        finally:
            self._reap(stop=False)
        if answer is None:
            self._done = (self._function(),)
            return self._done[0]
        value, error, trace = answer
        if error is not None:
            error.add_note(f"raised in the link stage's forked process:\n{trace}")
            raise error
        self._done = (value,)
        return value

    def close(self) -> None:
        """Stop a child whose result is not wanted (the chain failed before it asked) and reap it."""
        self._reap(stop=True)

    def _reap(self, stop: bool) -> None:
        if self._receiver is not None:
            self._receiver.close()
            self._receiver = None
        if self._process is not None and self._process.exitcode is None:
            if stop:
                self._process.terminate()
            self._process.join()


def _answer(function: Callable[[], Any], sender: Connection) -> None:
    """In the child: run the function and send (result, None, "") or (None, error, traceback).

    Ctrl-C is the parent's to handle (it stops the build; this daemon process ends with it), so the child
    does not print a second traceback of its own."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        answer: tuple[Any, BaseException | None, str] = (function(), None, "")
    except Exception as error:  # noqa: BLE001 - every error goes back to the parent, which raises it
        answer = (None, error, traceback.format_exc())
    try:
        sender.send(answer)
    except Exception as error:  # noqa: BLE001 - an unpicklable result or error: its description goes back
        sender.send((None, RuntimeError(f"the result could not be sent back: {error!r}"), traceback.format_exc()))
    finally:
        sender.close()
