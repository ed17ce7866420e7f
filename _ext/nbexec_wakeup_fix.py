"""Fix lost wake-ups on the shell channel during build-time execution (see guide §5)."""
import os, time
from queue import Empty
from jupyter_client import channels

_MODE = os.environ.get("NB_WAKEUP_FIX", "recheck")   # recheck | slice | off
_SLICE = float(os.environ.get("NB_POLL_SLICE", "0.25"))

def _patch():
    cls = channels.AsyncZMQSocketChannel
    if getattr(cls, "_wakeup_fix", None):
        return
    if _MODE == "recheck":            # re-check socket events after each (shadow) send,
        orig_send = cls.send          # as pyzmq does after its own sends
        def send(self, msg):
            orig_send(self, msg)
            recheck = getattr(self.socket, "_schedule_remaining_events", None)  # pyzmq private API
            if recheck is not None and not self.socket.closed:
                recheck()
        cls.send = send
    elif _MODE == "slice":            # alternative using public API only: bounded polls
        orig_get = cls.get_msg
        async def get_msg(self, timeout=None):
            deadline = None if timeout is None else time.monotonic() + timeout
            while True:
                step = _SLICE if deadline is None else max(0.0, min(_SLICE, deadline - time.monotonic()))
                try:
                    return await orig_get(self, step)
                except Empty:
                    if deadline is not None and time.monotonic() >= deadline:
                        raise
        cls.get_msg = get_msg
    cls._wakeup_fix = _MODE

_patch()

def setup(app):
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
