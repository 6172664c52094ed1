//! Every failure of a Redis call, classified once: the server is unavailable for now (retry), too slow, refusing the credentials, short of replica acknowledgements, or refusing the command itself.

use std::time::Duration;

/// What kind of failure, which decides what callers do about it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailureKind {
    /// Not reachable, lost, or not serving right now: refused or dropped connections, TLS
    /// handshakes that fail, and the server replies that mean "not now" (LOADING, READONLY,
    /// MASTERDOWN, TRYAGAIN, NOREPLICAS, CLUSTERDOWN, BUSY, MISCONF; on Redis Cluster also MOVED
    /// and ASK once the client's own redirections and retries are spent: the slot's master is
    /// failing over). Retry later.
    Unavailable,
    /// No answer to a command within the command timeout (`--redis-timeout`).
    Timeout,
    /// No connection (TCP, TLS, handshake, AUTH) within the connect timeout
    /// (`--redis-connect-timeout`).
    ConnectTimeout,
    /// The credentials were refused (WRONGPASS, NOAUTH), or the ACL user may not run the
    /// command (NOPERM).
    Auth,
    /// The write was made on the master, but fewer replicas than `--min-replicas-ack` confirmed
    /// it in time: it may not survive a failover.
    NotReplicated,
    /// The server refused the command (a script error, a wrong type…) or answered nonsense.
    Command,
}

/// Server error codes that mean "not now": the command did not run, and a retry (after a
/// reconnect, for some) may succeed.
const UNAVAILABLE_CODES: &[&str] = &[
    "LOADING",
    "READONLY",
    "MASTERDOWN",
    "TRYAGAIN",
    "NOREPLICAS",
    "CLUSTERDOWN",
    "BUSY",
    "MISCONF",
    "NOMASTERLINK",
    // Redis Cluster: the redis crate follows redirections and retries TRYAGAIN/CLUSTERDOWN
    // itself; what reaches us has outlived its retries (a master is failing over).
    "MOVED",
    "ASK",
];

/// Codes after which the connection talks to the wrong server (it became a replica, or lost its
/// master): ask the topology again.
const WRONG_SERVER_CODES: &[&str] = &["READONLY", "MASTERDOWN"];

const AUTH_CODES: &[&str] = &["WRONGPASS", "NOAUTH", "NOPERM"];

/// One failed call: what kind, on which server, the server's error code when it sent one, and
/// the cause in words (never a password).
#[derive(Clone, Debug, thiserror::Error)]
#[error("{message}")]
pub struct Failure {
    pub kind: FailureKind,
    /// The target or the node (`host:port`, or the Sentinel display with the master's address).
    pub server: String,
    /// The server's error code (`READONLY`, `NOSCRIPT`, …), when the failure is its reply.
    pub code: Option<String>,
    pub message: String,
}

pub type Result<T, E = Failure> = std::result::Result<T, E>;

impl Failure {
    pub fn new(
        kind: FailureKind,
        server: impl Into<String>,
        message: impl Into<String>,
    ) -> Failure {
        Failure {
            kind,
            server: server.into(),
            code: None,
            message: message.into(),
        }
    }

    /// Classifies an error of the redis crate.
    pub fn from_redis(server: &str, e: &redis::RedisError) -> Failure {
        // A pipeline or an aborted transaction carries the replies that failed: the first "not
        // now" among them decides (an EXECABORT because of NOREPLICAS is a NOREPLICAS), and it
        // alone is told, once (a pipeline of 17 commands to a loading server has 17 replies
        // that all say LOADING).
        let replies = e.clone().into_server_errors().unwrap_or_else(|| [].into());
        let deciding = replies
            .iter()
            .map(|(_, se)| se)
            .find(|se| UNAVAILABLE_CODES.contains(&se.code()) || AUTH_CODES.contains(&se.code()))
            .or_else(|| replies.first().map(|(_, se)| se));
        let code = deciding
            .map(|se| se.code().to_string())
            .or_else(|| e.code().map(str::to_string));
        let kind = if let Some(c) = code.as_deref() {
            classify_code(c)
        } else if e.is_timeout() {
            FailureKind::Timeout
        } else if e.kind() == redis::ErrorKind::AuthenticationFailed
            || looks_like_auth(&e.to_string())
        {
            FailureKind::Auth
        } else if e.is_io_error()
            || e.is_connection_refusal()
            || e.is_connection_dropped()
            || e.is_unrecoverable_error()
        {
            FailureKind::Unavailable
        } else {
            FailureKind::Command
        };
        let message = match deciding {
            Some(se) => {
                // Replies of the same code say the same thing; others are counted.
                let others = replies
                    .iter()
                    .filter(|(_, other)| other.code() != se.code())
                    .count();
                let also = match others {
                    0 => String::new(),
                    1 => " (and 1 other reply of the pipeline failed otherwise)".to_string(),
                    n => format!(" (and {n} other replies of the pipeline failed otherwise)"),
                };
                format!("{}{also}", reply_words(se))
            }
            None if code.as_deref() == Some("LOADING") => LOADING_WORDS.to_string(),
            None => with_hint(kind, e.to_string()),
        };
        Failure {
            kind,
            server: server.to_string(),
            code,
            message,
        }
    }

    /// Classifies an error reply found among a pipeline's values.
    pub fn from_reply(server: &str, e: &redis::ServerError) -> Failure {
        let code = e.code().to_string();
        Failure {
            kind: classify_code(&code),
            server: server.to_string(),
            message: reply_words(e),
            code: Some(code),
        }
    }

    /// A reply of an unexpected shape.
    pub fn protocol(server: &str, what: &str, got: &redis::Value) -> Failure {
        Failure::new(
            FailureKind::Command,
            server,
            format!("unexpected reply to {what}: {got:?}"),
        )
    }

    /// `WAIT` confirmed fewer replicas than asked for.
    pub fn not_replicated(server: &str, wanted: u32, got: i64, timeout: Duration) -> Failure {
        Failure::new(
            FailureKind::NotReplicated,
            server,
            format!(
                "the write was applied on the master, but only {got} of the {wanted} replica(s) \
                 asked for (--min-replicas-ack) confirmed it within {}ms: it may be lost if the \
                 master fails now (look, e.g. with `sandbox get`, before writing it again)",
                timeout.as_millis()
            ),
        )
    }

    /// The same failure met while connecting: a timeout is the connect timeout's.
    pub fn while_connecting(mut self) -> Failure {
        if self.kind == FailureKind::Timeout {
            self.kind = FailureKind::ConnectTimeout;
        }
        self
    }

    /// True when retrying later may succeed (everything but a refused command).
    pub fn is_unavailable(&self) -> bool {
        self.kind != FailureKind::Command
    }

    /// True when the connection that failed should be replaced, after asking the topology
    /// where the master is now: lost or silent connections, and replies from a demoted master.
    pub fn needs_reconnect(&self) -> bool {
        match self.kind {
            FailureKind::Timeout | FailureKind::ConnectTimeout => true,
            FailureKind::Unavailable => self
                .code
                .as_deref()
                .is_none_or(|c| WRONG_SERVER_CODES.contains(&c)),
            _ => false,
        }
    }

    /// The server's error code, if this failure is one of its replies.
    pub fn code(&self) -> Option<&str> {
        self.code.as_deref()
    }
}

/// What the user is told of the server's error reply: its code and words, on one line; LOADING
/// in words that say what to do.
fn reply_words(e: &redis::ServerError) -> String {
    if e.code() == "LOADING" {
        return LOADING_WORDS.to_string();
    }
    format!("{} {}", e.code(), e.details().unwrap_or(""))
        .trim()
        .to_string()
}

/// The message of a `LOADING` reply (Redis started and is reading its AOF or RDB file).
pub const LOADING_WORDS: &str = "LOADING: Redis is loading its dataset into memory and refuses \
     commands until it is done: retry in a moment (`tartarus redis health` shows how far it is)";

fn classify_code(code: &str) -> FailureKind {
    if UNAVAILABLE_CODES.contains(&code) {
        FailureKind::Unavailable
    } else if AUTH_CODES.contains(&code) {
        FailureKind::Auth
    } else {
        FailureKind::Command
    }
}

fn looks_like_auth(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    [
        "wrongpass",
        "noauth",
        "invalid password",
        "invalid username",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

/// Adds what to check to the connection failures people meet when setting up TLS.
fn with_hint(kind: FailureKind, text: String) -> String {
    if text.contains("DB index is out of range") {
        return "the server has no such database (REDIS_DB, or the /N of REDIS_ADDR, is at \
                least its `databases` setting, 16 by default)"
            .to_string();
    }
    if kind != FailureKind::Unavailable {
        return text;
    }
    let lower = text.to_ascii_lowercase();
    let hint = if lower.contains("certificate") || lower.contains("unknownissuer") {
        " (TLS: the server's certificate is not trusted or does not name this host: check \
         --tls-ca-file / REDIS_TLS_CA_FILE)"
    } else if lower.contains("corrupt message") || lower.contains("invalidcontenttype") {
        " (TLS: the server does not seem to speak TLS on this port: drop --tls / rediss://?)"
    } else if lower.contains("handshake") || lower.contains("alert") {
        " (TLS handshake failed: does the server require a client certificate \
         (--tls-cert-file, --tls-key-file)?)"
    } else {
        ""
    };
    format!("{text}{hint}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_database_the_server_lacks_is_said_in_words() {
        use redis::{ErrorKind, ServerErrorKind};
        let e = redis::RedisError::from((
            ErrorKind::Server(ServerErrorKind::ResponseError),
            "Redis server refused to switch database",
            "DB index is out of range".to_string(),
        ));
        let f = Failure::from_redis("h:1", &e);
        assert!(f.message.contains("no such database"), "{}", f.message);
        assert!(f.message.contains("REDIS_DB"), "{}", f.message);
    }

    #[test]
    fn not_now_replies_are_unavailable_and_demotions_reconnect() {
        for code in UNAVAILABLE_CODES {
            assert_eq!(classify_code(code), FailureKind::Unavailable, "{code}");
        }
        let readonly = Failure {
            kind: FailureKind::Unavailable,
            server: "s".into(),
            code: Some("READONLY".into()),
            message: String::new(),
        };
        assert!(readonly.needs_reconnect() && readonly.is_unavailable());
        let loading = Failure {
            code: Some("LOADING".into()),
            ..readonly.clone()
        };
        assert!(!loading.needs_reconnect() && loading.is_unavailable());
        assert_eq!(classify_code("NOPERM"), FailureKind::Auth);
        assert_eq!(classify_code("ERR"), FailureKind::Command);
        assert_eq!(classify_code("NOSCRIPT"), FailureKind::Command);
    }

    #[test]
    fn cluster_redirections_that_outlived_the_retries_are_unavailable() {
        use redis::{ErrorKind, ServerErrorKind};
        for kind in [
            ServerErrorKind::Moved,
            ServerErrorKind::Ask,
            ServerErrorKind::TryAgain,
            ServerErrorKind::ClusterDown,
        ] {
            let e = redis::RedisError::from((ErrorKind::Server(kind), "slot 1159"));
            let f = Failure::from_redis("cluster://h:1", &e);
            assert_eq!(f.kind, FailureKind::Unavailable, "{kind:?}");
        }
        let e = redis::RedisError::from((
            ErrorKind::Server(ServerErrorKind::CrossSlot),
            "keys in different slots",
        ));
        assert_eq!(Failure::from_redis("h:1", &e).kind, FailureKind::Command);
    }

    #[test]
    fn loading_is_one_line_that_says_what_to_do() {
        use redis::{ErrorKind, ServerErrorKind};
        let e = redis::RedisError::from((
            ErrorKind::Server(ServerErrorKind::BusyLoading),
            "Redis is loading the dataset in memory",
        ));
        let f = Failure::from_redis("h:1", &e);
        assert_eq!(f.kind, FailureKind::Unavailable);
        assert_eq!(f.code(), Some("LOADING"));
        assert_eq!(f.message, LOADING_WORDS);
        assert!(!f.message.contains('\n'));
    }

    #[test]
    fn io_errors_are_unavailable_with_a_tls_hint() {
        let io = std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            "invalid peer certificate: UnknownIssuer",
        );
        let f = Failure::from_redis("h:1", &redis::RedisError::from(io));
        assert_eq!(f.kind, FailureKind::Unavailable);
        assert!(f.message.contains("--tls-ca-file"), "{}", f.message);
        let refused = std::io::Error::new(std::io::ErrorKind::ConnectionRefused, "refused");
        let f = Failure::from_redis("h:1", &redis::RedisError::from(refused));
        assert!(f.needs_reconnect());
        let slow = std::io::Error::new(std::io::ErrorKind::TimedOut, "timed out");
        let f = Failure::from_redis("h:1", &redis::RedisError::from(slow));
        assert_eq!(f.kind, FailureKind::Timeout);
    }
}
