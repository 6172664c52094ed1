//! `redis configure`: the recommended persistence profile vs the live settings, and applying it (CONFIG SET + REWRITE).

use std::collections::BTreeMap;

use serde::Serialize;

use super::admin::RedisAdmin;
use super::{PersistenceError, Result};

/// Which profile to recommend.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Profile {
    /// `appendfsync everysec`: at most ~1 s of writes lost on power failure.
    Recommended,
    /// `appendfsync always`: every write fsynced before it is acknowledged.
    Strict,
}

pub const RECOMMENDED_SAVE: &str = "3600 1 300 100 60 10000";

/// Run hashes hold values over Redis's default 64 bytes (the spec's JSON), which turns them into
/// `hashtable`s; at 1024 they stay `listpack`. Measured with
/// `REDIS_ARGS="--hash-max-listpack-value 1024" scripts/memory-per-run.sh 5000` against the
/// default (Redis 7.0): a finished run 3,756 → 2,749 bytes (its hash 1,728 → 744), a queued one
/// 1,686 → 1,053. A floor: a higher value is left alone. Redis < 7 names it differently and is
/// not asked to change it.
pub const LISTPACK_VALUE: (&str, &str) = ("hash-max-listpack-value", "1024");

/// The settings of a profile, in the order they are applied (`appendonly` last, so the
/// AOF rewrite it triggers already uses the final fsync/preamble settings).
pub fn profile_settings(profile: Profile) -> Vec<(&'static str, &'static str)> {
    vec![
        (
            "appendfsync",
            if profile == Profile::Strict {
                "always"
            } else {
                "everysec"
            },
        ),
        ("aof-use-rdb-preamble", "yes"),
        ("save", RECOMMENDED_SAVE),
        ("maxmemory-policy", "noeviction"),
        LISTPACK_VALUE,
        ("appendonly", "yes"),
    ]
}

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct SettingDiff {
    pub setting: String,
    pub current: Option<String>,
    pub recommended: String,
    pub change_needed: bool,
}

#[derive(Clone, Debug, Serialize)]
pub struct ConfigurePlan {
    pub target: String,
    pub profile: Profile,
    /// Data directory and RDB file name: reported, never changed.
    pub dir: Option<String>,
    pub dbfilename: Option<String>,
    /// The server's config file (empty when started without one: changes cannot be persisted).
    pub config_file: Option<String>,
    /// Replicas connected to this master: with any, `min-replicas-to-write 1` is recommended
    /// too (a master cut off from its replicas then refuses writes a failover would throw away).
    pub replicas: u64,
    pub changes: Vec<SettingDiff>,
}

impl ConfigurePlan {
    pub fn needs_changes(&self) -> bool {
        self.changes.iter().any(|c| c.change_needed)
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct ApplyReport {
    /// The settings re-read from the server after the change (so `current` is what it runs with
    /// now, and `change_needed` is false for every setting that took).
    pub plan: ConfigurePlan,
    /// The comparison as it was before the change.
    pub before: Vec<SettingDiff>,
    /// Settings changed with CONFIG SET.
    pub applied: Vec<String>,
    /// True when CONFIG REWRITE wrote the settings to the config file.
    pub persisted: bool,
    /// Human explanation of the persistence outcome.
    pub message: String,
}

fn normalize(setting: &str, v: &str) -> String {
    let v = v.trim();
    if setting == "save" {
        v.split_whitespace().collect::<Vec<_>>().join(" ")
    } else {
        v.to_ascii_lowercase()
    }
}

/// The replication setting recommended when the master has replicas: at least one of them must
/// be in touch for the master to accept writes.
pub const REPLICA_SETTINGS: [(&str, &str); 1] = [("min-replicas-to-write", "1")];

/// Pure: compares a CONFIG map with a profile.
pub fn diff(config: &BTreeMap<String, String>, profile: Profile) -> Vec<SettingDiff> {
    diff_settings(config, &profile_settings(profile))
}

/// Pure: compares a CONFIG map with the wanted settings. `min-replicas-to-write` and
/// `hash-max-listpack-value` are floors: a higher value is fine.
pub fn diff_settings(
    config: &BTreeMap<String, String>,
    wanted: &[(&'static str, &'static str)],
) -> Vec<SettingDiff> {
    wanted
        .iter()
        .map(|(k, want)| {
            let current = config.get(*k).cloned();
            let change_needed = match current.as_deref() {
                None => true,
                Some(c) if *k == "min-replicas-to-write" || *k == LISTPACK_VALUE.0 => {
                    c.trim().parse::<u64>().unwrap_or(0) < want.parse::<u64>().unwrap_or(1)
                }
                Some(c) => normalize(k, c) != normalize(k, want),
            };
            SettingDiff {
                setting: k.to_string(),
                current,
                recommended: want.to_string(),
                change_needed,
            }
        })
        .collect()
}

/// Reads the live settings and compares them with the profile.
pub async fn plan(admin: &RedisAdmin, profile: Profile) -> Result<ConfigurePlan> {
    plan_for(admin, profile, None).await
}

/// [`plan`], with the replicas of the node's master group given (a Cluster replica, which may
/// become the master, gets `min-replicas-to-write` too); None counts the node's own replicas.
pub async fn plan_for(
    admin: &RedisAdmin,
    profile: Profile,
    group_replicas: Option<u64>,
) -> Result<ConfigurePlan> {
    let replication = admin.info_section("replication").await?;
    let replicas = group_replicas.unwrap_or_else(|| {
        replication
            .get("connected_slaves")
            .and_then(|n| n.trim().parse::<u64>().ok())
            .unwrap_or(0)
    });
    let mut wanted = profile_settings(profile);
    if replicas > 0 {
        wanted.splice(0..0, REPLICA_SETTINGS);
    }
    let mut config = BTreeMap::new();
    for (k, _) in &wanted {
        config.extend(admin.config_get(k).await?);
    }
    // Redis < 7 has no `hash-max-listpack-value` (CONFIG GET answers nothing): not recommended.
    wanted.retain(|(k, _)| *k != LISTPACK_VALUE.0 || config.contains_key(*k));
    let dir = admin.config_get_one("dir").await?;
    let dbfilename = admin.config_get_one("dbfilename").await?;
    let info = admin.info_section("server").await?;
    Ok(ConfigurePlan {
        target: admin.display().to_string(),
        profile,
        dir,
        dbfilename,
        config_file: info.get("config_file").cloned().filter(|s| !s.is_empty()),
        replicas,
        changes: diff_settings(&config, &wanted),
    })
}

/// CONFIG SET every needed change, then CONFIG REWRITE. A server without a config file is not an
/// error: the report says the settings are live but will not survive a restart.
pub async fn apply(admin: &RedisAdmin, profile: Profile) -> Result<ApplyReport> {
    apply_for(admin, profile, None).await
}

/// [`apply`] with the replicas of the node's master group given (see [`plan_for`]).
pub async fn apply_for(
    admin: &RedisAdmin,
    profile: Profile,
    group_replicas: Option<u64>,
) -> Result<ApplyReport> {
    let before = plan_for(admin, profile, group_replicas).await?;
    let mut applied = Vec::new();
    for c in before.changes.iter().filter(|c| c.change_needed) {
        admin.config_set(&c.setting, &c.recommended).await?;
        applied.push(c.setting.clone());
    }
    let (persisted, message) = match admin.config_rewrite().await {
        Ok(()) => (
            true,
            match &before.config_file {
                Some(f) => format!("settings are live and written to {f}"),
                None => "settings are live and written to the config file".to_string(),
            },
        ),
        Err(PersistenceError::NoConfigFile) => (false, PersistenceError::NoConfigFile.to_string()),
        Err(e) => return Err(e),
    };
    // Show what the server runs with now, not what it ran with before.
    let after = plan_for(admin, profile, group_replicas).await?;
    Ok(ApplyReport {
        plan: after,
        before: before.changes,
        applied,
        persisted,
        message,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diff_detects_changes() {
        let cfg: BTreeMap<String, String> = [
            ("appendonly", "no"),
            ("appendfsync", "everysec"),
            ("aof-use-rdb-preamble", "yes"),
            ("save", "3600  1 300 100 60 10000"),
            ("maxmemory-policy", "allkeys-lru"),
            ("hash-max-listpack-value", "64"),
        ]
        .into_iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
        let d = diff(&cfg, Profile::Recommended);
        let needed: Vec<_> = d
            .iter()
            .filter(|c| c.change_needed)
            .map(|c| c.setting.as_str())
            .collect();
        assert_eq!(
            needed,
            vec!["maxmemory-policy", "hash-max-listpack-value", "appendonly"]
        );
        let mut bigger = cfg.clone();
        bigger.insert("hash-max-listpack-value".into(), "4096".into());
        assert!(
            diff(&bigger, Profile::Recommended)
                .iter()
                .all(|c| c.setting != "hash-max-listpack-value" || !c.change_needed),
            "4096 is at least 1024"
        );
        let floor = diff_settings(
            &[("min-replicas-to-write".to_string(), "2".to_string())].into(),
            &REPLICA_SETTINGS,
        );
        assert!(!floor[0].change_needed, "2 replicas required is at least 1");
        let d = diff(&cfg, Profile::Strict);
        assert!(d
            .iter()
            .any(|c| c.setting == "appendfsync" && c.change_needed && c.recommended == "always"));
    }
}
