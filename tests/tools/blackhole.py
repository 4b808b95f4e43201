#!/usr/bin/env python3
"""A collector that hangs: accepts TCP connections and never answers.

    python3 tests/tools/blackhole.py [--host 127.0.0.1] [--port 0]
                                     [--port-file FILE] [--pid-file FILE] [--lifetime 600]

Listens on host:port (port 0 = any free port), prints the chosen port on stdout as one
line, then accepts every connection and holds it open without reading or writing, until
SIGTERM/SIGINT or --lifetime seconds have passed (so a forgotten one does not linger).
Clients see the connect succeed and the request go out, then silence: the case where an
exporter must rely on its own timeouts and shutdown bound.

For scripts that run it in the background: --port-file receives the port once listening,
and --pid-file the pid of this python process. Kill that pid, not `$!`: with wrappers
such as pyenv shims, `$!` is the wrapper's pid and killing it leaves python running.

    python3 tests/tools/blackhole.py --port-file "$T/port" --pid-file "$T/pid" &
    while [ ! -s "$T/port" ]; do sleep 0.05; done
    ... http://127.0.0.1:$(cat "$T/port")/v1/traces ...
    kill "$(cat "$T/pid")"
"""
import argparse
import os
import signal
import socket
import sys


def write_atomically(path: str, text: str) -> None:
    # write then rename, so a reader never sees a half-written file
    temporary = path + ".tmp"
    with open(temporary, "w") as handle:
        handle.write(text)
    os.replace(temporary, path)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--port-file")
    parser.add_argument("--pid-file")
    parser.add_argument("--lifetime", type=int, default=600, help="seconds before exiting on its own")
    args = parser.parse_args()

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    signal.signal(signal.SIGALRM, lambda *_: sys.exit(0))
    if args.lifetime > 0:
        signal.alarm(args.lifetime)

    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind((args.host, args.port))
    listener.listen(128)
    port = listener.getsockname()[1]

    if args.pid_file:
        write_atomically(args.pid_file, f"{os.getpid()}\n")
    if args.port_file:
        write_atomically(args.port_file, f"{port}\n")
    print(port, flush=True)

    held = []  # keep references so the connections stay open
    try:
        while True:
            connection, _ = listener.accept()
            held.append(connection)
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
