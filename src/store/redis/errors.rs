//! Which Redis errors mean "Redis cannot serve us right now" (retry later) and which are real failures: the one classification behind every `StoreError` the Redis backend returns.
//!
//! Unavailability is everything a healthy deployment passes through on its own: the server down
//! or restarting, loading its dataset (`LOADING`), a replica or a demoted master (`READONLY`),
//! a failover in progress (`MASTERDOWN`, `TRYAGAIN`, `CLUSTERDOWN`), too few replicas
//! (`NOREPLICAS`), a slow script (`BUSY`), a failing disk (`MISCONF`), timeouts, and credentials
//! refused after a restart. Long-running loops back off and retry on these; commands exit with
//! `UNAVAILABLE`.

use ::redis::{ErrorKind, RedisError, ServerErrorKind};

use crate::config::RedisTarget;
use crate::store::StoreError;

/// Server error codes that mean the server cannot serve us for now, whatever the command was.
const UNAVAILABLE_CODES: &[&str] = &[
    "LOADING",
    "READONLY",
    "MASTERDOWN",
    "NOREPLICAS",
    "TRYAGAIN",
    "BUSY",
    "CLUSTERDOWN",
    "MISCONF",
    "NOMASTERLINK",
];

/// Server error codes about credentials or permissions.
const AUTH_CODES: &[&str] = &["NOAUTH", "WRONGPASS", "NOPERM"];

/// The store error for an error reply (`-CODE details`), e.g. one entry of a pipeline's replies.
pub(super) fn from_reply(target: &RedisTarget, code: &str, details: &str) -> StoreError {
    let message = format!("{code} {details}").trim().to_string();
    let upper = code.to_ascii_uppercase();
    if UNAVAILABLE_CODES.contains(&upper.as_str()) {
        StoreError::Unavailable {
            addr: target.display(),
            message,
        }
    } else if AUTH_CODES.contains(&upper.as_str()) {
        StoreError::Auth {
            addr: target.display(),
            message,
        }
    } else {
        StoreError::Backend(message)
    }
}

/// The store error for anything the redis crate returns.
pub(super) fn classify(target: &RedisTarget, e: RedisError) -> StoreError {
    let addr = target.display();
    let text = e.to_string();
    let lower = text.to_lowercase();
    if e.is_timeout() {
        return StoreError::Timeout {
            addr,
            timeout: target.command_timeout,
        };
    }
    if let Some(code) = e.code() {
        let upper = code.to_ascii_uppercase();
        if UNAVAILABLE_CODES.contains(&upper.as_str()) || AUTH_CODES.contains(&upper.as_str()) {
            return from_reply(target, code, e.detail().unwrap_or(""));
        }
    }
    let unavailable_kind = matches!(
        e.kind(),
        ErrorKind::Io
            | ErrorKind::MasterNameNotFoundBySentinel
            | ErrorKind::NoValidReplicasFoundBySentinel
            | ErrorKind::ClusterConnectionNotFound
            | ErrorKind::Server(
                ServerErrorKind::BusyLoading
                    | ServerErrorKind::TryAgain
                    | ServerErrorKind::ClusterDown
                    | ServerErrorKind::MasterDown
                    | ServerErrorKind::ReadOnly
            )
    );
    if e.kind() == ErrorKind::AuthenticationFailed
        || lower.contains("wrongpass")
        || lower.contains("noauth")
        || lower.contains("invalid password")
        || lower.contains("authentication")
        || lower.contains("noperm")
    {
        StoreError::Auth {
            addr,
            message: text,
        }
    } else if unavailable_kind
        || e.is_io_error()
        || e.is_connection_refusal()
        || e.is_connection_dropped()
        || e.is_unrecoverable_error()
    {
        StoreError::Unavailable {
            addr,
            message: text,
        }
    } else {
        StoreError::Backend(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target() -> RedisTarget {
        RedisTarget {
            host: "127.0.0.1".into(),
            port: 1,
            tls: false,
            username: None,
            password: None,
            db: 0,
            connect_timeout: std::time::Duration::from_secs(1),
            command_timeout: std::time::Duration::from_secs(1),
        }
    }

    /// Every condition a restart, failover or overload produces is unavailability, never a
    /// fatal backend error (LOADING used to be one, and agents exited on it).
    #[test]
    fn transient_replies_are_unavailability() {
        for code in [
            "LOADING",
            "READONLY",
            "MASTERDOWN",
            "NOREPLICAS",
            "TRYAGAIN",
            "BUSY",
            "CLUSTERDOWN",
            "MISCONF",
        ] {
            let e = from_reply(&target(), code, "details");
            assert!(e.is_unavailable(), "{code}: {e:?}");
            assert_eq!(e.code(), crate::exit::UNAVAILABLE, "{code}");
        }
        for code in ["NOAUTH", "WRONGPASS"] {
            let e = from_reply(&target(), code, "x");
            assert!(matches!(e, StoreError::Auth { .. }), "{code}: {e:?}");
            assert!(e.is_unavailable());
        }
        let e = from_reply(&target(), "ERR", "wrong number of arguments");
        assert!(matches!(e, StoreError::Backend(_)), "{e:?}");
    }

    #[test]
    fn redis_crate_errors_are_classified_by_kind_and_code() {
        let loading = RedisError::from((
            ErrorKind::Server(ServerErrorKind::BusyLoading),
            "LOADING",
            "Redis is loading the dataset in memory".to_string(),
        ));
        assert!(classify(&target(), loading).is_unavailable());
        let io = RedisError::from(std::io::Error::new(
            std::io::ErrorKind::ConnectionRefused,
            "refused",
        ));
        assert!(classify(&target(), io).is_unavailable());
        let timeout = RedisError::from(std::io::Error::new(std::io::ErrorKind::TimedOut, "t"));
        assert!(matches!(
            classify(&target(), timeout),
            StoreError::Timeout { .. }
        ));
        let typ = RedisError::from((ErrorKind::UnexpectedReturnType, "bad type"));
        assert!(!classify(&target(), typ).is_unavailable());
    }
}
