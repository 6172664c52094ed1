//! Restore: offline (install an RDB into a stopped server's data dir, AOF on or off; one master
//! of a Cluster backup at a time) and online (logical RESTORE pipelines into a running server;
//! a Cluster backup master by master).

mod cluster;
mod offline;
mod online;
mod redis_conf;

pub use cluster::{
    match_masters, plan_cluster, restore_cluster, ClusterRestoreOptions, ClusterRestorePlan,
    ClusterRestoreReport, PlannedMaster, RestoredMaster,
};
pub use offline::{
    copy_file_durable, plan_offline, restore_offline, ClusterMember, OfflineRestoreOptions,
    OfflineRestorePlan, OfflineRestoreReport, PlannedFile,
};
pub use online::{
    plan_logical, restore_logical, LogicalRestoreOptions, LogicalRestorePlan, LogicalRestoreReport,
};
pub use redis_conf::options_from_redis_conf;
