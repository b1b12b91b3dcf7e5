"""Debian's nginx (nginx-light) on 127.0.0.1 with a throw-away configuration, for tests and benchmarks.

One place for the main configuration around the server blocks under test or measurement, and for
starting it and waiting until it listens: tests/site/test_nginx.py serves the built site with
deploy/nginx.conf, `make bench-lighthouse` (scripts/bench/lighthouse.py) serves two sites with
gzip only. Everything nginx writes (pid, temporary files) stays in the given work folder.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from pathlib import Path

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
MISSING = f"{NGINX} is missing: apt-get install nginx-light (make test does: requirements-system.txt)"
MAIN_CONF = """\
daemon off;
user {user};
worker_processes 1;
pid {work}/nginx.pid;
error_log stderr;
events {{}}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {work}/body;
    proxy_temp_path {work}/proxy;
    fastcgi_temp_path {work}/fastcgi;
    uwsgi_temp_path {work}/uwsgi;
    scgi_temp_path {work}/scgi;
{http}
}}
"""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, seconds: float = 10) -> None:
    """Until a server listens on 127.0.0.1:port (or the time is up)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            return
        except OSError:
            time.sleep(0.05)


def write_conf(work: Path, http: str, user: str = "root") -> Path:
    """work/nginx.conf: the main configuration with `http` (directives, server blocks) in its http block."""
    if not Path(NGINX).exists():
        raise FileNotFoundError(MISSING)
    conf = Path(work) / "nginx.conf"
    conf.write_text(MAIN_CONF.format(work=work, user=user, http=http), encoding="utf-8")
    return conf


def start(conf: Path, ports: list[int], **popen) -> subprocess.Popen:
    """nginx running with `conf` (its prefix the conf's folder), once it listens on every port."""
    process = subprocess.Popen([NGINX, "-c", str(conf), "-p", str(conf.parent)], **popen)
    for port in ports:
        wait_for_port(port)
    return process
