//! `node register`: one heartbeat for a node, for scripts (agents heartbeat on their own).

use std::time::Duration;

use anyhow::Result;
use clap::Args;

use crate::cli::args::parse_duration_arg;
use crate::cli::{CliError, Ctx};
use crate::model::node::Resources;
use crate::model::units::{parse_bytes, parse_cpu_millis};
use crate::output::emit;
use crate::store::{Heartbeat, Store, StoreError};

#[derive(Debug, Args)]
pub struct RegisterArgs {
    /// Node name
    pub name: String,
    /// Labels k=v,k=v (defaults to $HADES_LABEL, e.g. HADES_LABEL="tartarus.io/typhon=true")
    #[arg(long)]
    pub labels: Option<String>,
    /// CPU capacity: cores or millicores
    #[arg(long, default_value = "4")]
    pub cpu: String,
    /// Memory capacity
    #[arg(long, default_value = "8Gi")]
    pub memory: String,
    /// GPUs
    #[arg(long, default_value_t = 0)]
    pub gpu: u32,
    /// Concurrent sandboxes
    #[arg(long, default_value_t = 8)]
    pub slots: u32,
    /// How long the heartbeat is valid
    #[arg(long, default_value = "30s", value_parser = parse_duration_arg)]
    pub ttl: Duration,
}

pub async fn run(ctx: &Ctx, store: &dyn Store, args: RegisterArgs) -> Result<()> {
    crate::model::node::check_node_name("node name", &args.name)
        .map_err(|e| CliError::Usage(e.to_string()))?;
    let capacity = Resources {
        cpu_millis: parse_cpu_millis(&args.cpu).map_err(CliError::Usage)?,
        memory_bytes: parse_bytes(&args.memory).map_err(CliError::Usage)?,
        gpu: args.gpu,
        slots: args.slots,
    };
    capacity.check_capacity().map_err(CliError::Usage)?;
    if args.ttl < Duration::from_secs(1) {
        return Err(CliError::Usage("--ttl must be at least 1s".into()).into());
    }
    let beat = Heartbeat {
        name: args.name.clone(),
        labels: super::labels_from(args.labels.as_deref())?,
        capacity,
        version: crate::cli::VERSION.into(),
        ttl: args.ttl,
    };
    store.heartbeat(&beat).await?;
    let node = store
        .node(&args.name)
        .await?
        .ok_or_else(|| StoreError::NodeNotFound(args.name.clone()))?;
    emit(ctx.output, &super::list::detail(&node, None))
}
