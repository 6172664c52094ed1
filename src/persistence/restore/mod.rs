//! Restore: offline (install an RDB into a stopped server's data dir, AOF on or off) and online
//! (logical RESTORE pipelines into a running server).

mod offline;
mod online;
mod redis_conf;

pub use offline::{
    copy_file_durable, plan_offline, restore_offline, OfflineRestoreOptions, OfflineRestorePlan,
    OfflineRestoreReport, PlannedFile,
};
pub use online::{
    plan_logical, restore_logical, LogicalRestoreOptions, LogicalRestorePlan, LogicalRestoreReport,
};
pub use redis_conf::options_from_redis_conf;
