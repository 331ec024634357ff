"""`footprint app`: the whole self-audit in a local web page, served on 127.0.0.1 only.

Server-rendered pages (Jinja2, autoescaped, strict) over the same library calls as the
command line; a little JavaScript from `static/` for progressive enhancement only. Every
request needs the per-start secret (see `security.py`); nothing is loaded from outside.
"""

from footprint.web.config import AppConfig
from footprint.web.server import create_app, serve

__all__ = ["AppConfig", "create_app", "serve"]
