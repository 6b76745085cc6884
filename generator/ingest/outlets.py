"""Outlet names from URLs: `https://www.trtworld.com/...` is the outlet `trtworld.com`.

The name is the registrable domain (public-suffix aware, from the `tld` package's
bundled list: `news.bbc.co.uk` → `bbc.co.uk`, `edition.cnn.com` → `cnn.com`), so
every article from one outlet shares one source page. It is only a name made from
the address: the sidecar's `outlets:` block renames a domain, and a name that an
article from the same domain states is used for the others (see `ingest.__init__`).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from tld import get_fld

_DOMAIN = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}$")


def looks_like_domain(value: str) -> bool:
    """ "trtworld.com", "www.bbc.co.uk" (a bare host name, not an outlet's written name)."""
    return bool(_DOMAIN.match(value.strip().lower()))


def domain_of(url_or_host: str | None) -> str | None:
    """The registrable domain of a URL or host name; None when there is none (no host, an IP address)."""
    if not url_or_host:
        return None
    value = url_or_host.strip()
    if "://" not in value:
        value = "http://" + value.lstrip("/")
    try:
        host = (urlsplit(value).hostname or "").lower().rstrip(".")
    except ValueError:
        return None
    if not host or not looks_like_domain(host):
        return None
    return get_fld(host, fix_protocol=True, fail_silently=True) or None
