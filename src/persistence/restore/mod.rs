//! Restore: offline (install an RDB into a stopped server's data dir, AOF on or off) and online
//! (logical RESTORE pipelines into a running server).

mod offline;
mod online;
mod redis_conf;

pub use offline::{
    copy_file_durable, restore_offline, OfflineRestoreOptions, OfflineRestoreReport,
};
pub use online::{restore_logical, LogicalRestoreOptions, LogicalRestoreReport};
pub use redis_conf::options_from_redis_conf;
