//! Redis addresses as people write them: `host:port`, `redis://` and `rediss://` URLs (credentials percent-decoded), and the `h:p,h:p` lists of Sentinel; and hiding a password inside a URL.

/// A parsed `REDIS_ADDR`.
#[derive(Debug, PartialEq)]
pub struct ParsedAddr {
    pub host: String,
    pub port: u16,
    pub tls: bool,
    pub username: Option<String>,
    pub password: Option<String>,
    pub db: Option<i64>,
}

/// Parses `host:port`, `host`, `[::1]:6379`, `redis://[user:pass@]host[:port][/db]`, `rediss://…`.
pub fn parse_redis_addr(input: &str) -> Result<ParsedAddr, String> {
    let text = input.trim();
    let (rest, tls, is_url) = if let Some(r) = text.strip_prefix("rediss://") {
        (r, true, true)
    } else if let Some(r) = text.strip_prefix("redis://") {
        (r, false, true)
    } else if text.contains("://") {
        return Err("only redis:// and rediss:// URLs are understood".into());
    } else {
        (text, false, false)
    };
    let (authority, path) = match rest.split_once('/') {
        Some((a, p)) if is_url => (a, p),
        Some(_) => return Err("expected host:port (a path needs a redis:// URL)".into()),
        None => (rest, ""),
    };
    let (userinfo, hostport) = match authority.rsplit_once('@') {
        Some((u, h)) if is_url => (Some(u), h),
        Some(_) => return Err("credentials need a redis:// URL; prefer REDIS_PASSWORD".into()),
        None => (None, authority),
    };
    // User and password are percent-encoded in a URL (`p%40ss` for `p@ss`), as RFC 3986 says.
    let (username, password) = match userinfo {
        None => (None, None),
        Some(u) => match u.split_once(':') {
            Some((user, pass)) => (
                Some(percent_decode(user, "user name")?).filter(|s| !s.is_empty()),
                Some(percent_decode(pass, "password")?).filter(|s| !s.is_empty()),
            ),
            None => (
                Some(percent_decode(u, "user name")?).filter(|s| !s.is_empty()),
                None,
            ),
        },
    };
    let (host, port) = parse_host_port(hostport, 6379)?;
    let db = match path.trim_matches('/') {
        "" => None,
        d => Some(
            d.parse::<i64>()
                .map_err(|_| format!("`{d}` is not a database number"))?,
        ),
    };
    Ok(ParsedAddr {
        host,
        port,
        tls,
        username,
        password,
        db,
    })
}

/// Parses `host:port`, `host` (with `default_port`) or `[v6]:port`.
pub fn parse_host_port(hostport: &str, default_port: u16) -> Result<(String, u16), String> {
    let (host, port) = if let Some(v6) = hostport.strip_prefix('[') {
        let (h, after) = v6
            .split_once(']')
            .ok_or("unclosed `[` in an IPv6 address")?;
        let port = match after.strip_prefix(':') {
            Some(p) => Some(p),
            None if after.is_empty() => None,
            None => return Err("unexpected text after the IPv6 address".into()),
        };
        (h.to_string(), port)
    } else {
        match hostport.rsplit_once(':') {
            Some((h, p)) => (h.to_string(), Some(p)),
            None => (hostport.to_string(), None),
        }
    };
    if host.is_empty() {
        return Err("the host is empty".into());
    }
    let port = match port {
        None => default_port,
        Some(p) => p
            .parse::<u16>()
            .ok()
            .filter(|p| *p > 0)
            .ok_or_else(|| format!("`{p}` is not a port (1-65535)"))?,
    };
    Ok((host, port))
}

/// The default port of a Sentinel.
pub const SENTINEL_PORT: u16 = 26379;

/// Parses `REDIS_SENTINEL_ADDRS`: `h:p,h:p,…` (port 26379 when left out), at least one, no
/// duplicates, no URLs (TLS and credentials have their own settings).
pub fn parse_sentinel_addrs(input: &str) -> Result<Vec<(String, u16)>, String> {
    parse_node_list(input, SENTINEL_PORT, "Sentinel", "REDIS_SENTINEL_PASSWORD")
}

/// Parses `REDIS_CLUSTER_ADDRS`: `h:p,h:p,…` of some cluster nodes (port 6379 when left out), the
/// seeds the client learns the whole cluster from; the same rules as the Sentinel list.
pub fn parse_cluster_addrs(input: &str) -> Result<Vec<(String, u16)>, String> {
    parse_node_list(input, 6379, "Cluster", "REDIS_PASSWORD")
}

fn parse_node_list(
    input: &str,
    default_port: u16,
    what: &str,
    password: &str,
) -> Result<Vec<(String, u16)>, String> {
    let mut out: Vec<(String, u16)> = Vec::new();
    for part in input.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        if part.contains("://") || part.contains('@') {
            return Err(format!(
                "`{}` is not host:port: {what} addresses take no scheme or credentials \
                 (use --tls and {password})",
                redact_url(part)
            ));
        }
        let hp = parse_host_port(part, default_port).map_err(|e| format!("`{part}`: {e}"))?;
        if out.contains(&hp) {
            return Err(format!("`{part}` is listed twice"));
        }
        out.push(hp);
    }
    if out.is_empty() {
        return Err(format!(
            "no {what} address given (expected host:port,host:port,...)"
        ));
    }
    Ok(out)
}

/// Decodes `%XX` escapes; the error never repeats the (secret) text.
fn percent_decode(text: &str, what: &str) -> Result<String, String> {
    percent_encoding::percent_decode_str(text)
        .decode_utf8()
        .map(|s| s.into_owned())
        .map_err(|_| format!("the {what} in the URL is not valid UTF-8 once percent-decoded"))
}

/// Hides a password inside a URL for error messages.
pub fn redact_url(text: &str) -> String {
    match (text.find("://"), text.rfind('@')) {
        (Some(s), Some(at)) if at > s => format!("{}<redacted>{}", &text[..s + 3], &text[at..]),
        _ => text.to_string(),
    }
}
