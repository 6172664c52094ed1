//! The `Store` impl of a backend whose operations live in modules by concern (`runs`, `events`,
//! `queue`, `nodes`, `policies`, `retention`), written once for both backends: each method hands its call to
//! the module function of the same name.

/// `impl Store for $ty`, delegating each method to `<module>::<method>(self, …)` in the module
/// where the macro is invoked; `ping` goes to `$ping::ping`.
macro_rules! store_by_modules {
    ($ty:ty, $name:literal, $ping:ident) => {
        const _: () = {
            use std::collections::BTreeMap;
            use std::time::Duration;

            use tokio::sync::mpsc;

            use $crate::model::node::Node;
            use $crate::model::run::{Event, Run, RunState};
            use $crate::store::*;

            #[async_trait::async_trait]
            impl Store for $ty {
                fn backend_name(&self) -> &'static str {
                    $name
                }

                async fn ping(&self) -> StoreResult<Duration> {
                    $ping::ping(self).await
                }

                async fn submit(&self, runs: &[Run]) -> StoreResult<Vec<Admission>> {
                    runs::submit(self, runs).await
                }

                async fn get_run(&self, id: &str) -> StoreResult<Option<Run>> {
                    runs::get_run(self, id).await
                }

                async fn get_runs(&self, ids: &[String]) -> StoreResult<Vec<Option<Run>>> {
                    runs::get_runs(self, ids).await
                }

                async fn list_runs(
                    &self,
                    filter: &RunFilter,
                    cursor: Option<&str>,
                    limit: usize,
                ) -> StoreResult<RunPage> {
                    runs::list_runs(self, filter, cursor, limit).await
                }

                async fn state_counts(&self) -> StoreResult<BTreeMap<RunState, u64>> {
                    runs::state_counts(self).await
                }

                async fn cancel(&self, id: &str, message: &str) -> StoreResult<Run> {
                    runs::cancel(self, id, message).await
                }

                async fn run_events(&self, id: &str) -> StoreResult<Vec<Event>> {
                    events::run_events(self, id).await
                }

                async fn latest_event_id(&self) -> StoreResult<Option<String>> {
                    events::latest_event_id(self).await
                }

                async fn read_events(
                    &self,
                    after: Option<&str>,
                    count: usize,
                    block: Duration,
                ) -> StoreResult<Vec<Event>> {
                    events::read_events(self, after, count, block).await
                }

                async fn claim(&self, max: usize, lease: Duration) -> StoreResult<Vec<Claim>> {
                    queue::claim(self, max, lease).await
                }

                async fn claim_runs(
                    &self,
                    max: usize,
                    lease: Duration,
                ) -> StoreResult<Vec<ClaimedRun>> {
                    queue::claim_runs(self, max, lease).await
                }

                async fn extend_leases(&self, ids: &[String], lease: Duration) -> StoreResult<()> {
                    queue::extend_leases(self, ids, lease).await
                }

                async fn release(&self, ids: &[String]) -> StoreResult<()> {
                    queue::release(self, ids).await
                }

                async fn reap_expired_leases(&self) -> StoreResult<Vec<String>> {
                    queue::reap_expired_leases(self).await
                }

                async fn apply_outcomes(&self, outcomes: &[Outcome]) -> StoreResult<Vec<Applied>> {
                    queue::apply_outcomes(self, outcomes).await
                }

                async fn wake_pending(&self, max: usize) -> StoreResult<u64> {
                    queue::wake_pending(self, max).await
                }

                async fn queue_stats(&self) -> StoreResult<QueueStats> {
                    queue::queue_stats(self).await
                }

                async fn queue_entries(
                    &self,
                    which: QueueName,
                    offset: usize,
                    limit: usize,
                ) -> StoreResult<Vec<QueueEntry>> {
                    queue::queue_entries(self, which, offset, limit).await
                }

                async fn purge(&self, which: QueueName) -> StoreResult<u64> {
                    queue::purge(self, which).await
                }

                async fn retry_dead(&self, ids: Option<&[String]>) -> StoreResult<u64> {
                    queue::retry_dead(self, ids).await
                }

                async fn set_paused(&self, paused: bool) -> StoreResult<()> {
                    queue::set_paused(self, paused).await
                }

                async fn heartbeat(&self, beat: &Heartbeat) -> StoreResult<()> {
                    nodes::heartbeat(self, beat).await
                }

                async fn nodes(&self) -> StoreResult<Vec<Node>> {
                    nodes::nodes(self).await
                }

                async fn node(&self, name: &str) -> StoreResult<Option<Node>> {
                    nodes::node(self, name).await
                }

                async fn label_node(
                    &self,
                    name: &str,
                    set: &BTreeMap<String, String>,
                    remove: &[String],
                ) -> StoreResult<Node> {
                    nodes::label_node(self, name, set, remove).await
                }

                async fn drain_node(&self, name: &str, draining: bool) -> StoreResult<Node> {
                    nodes::drain_node(self, name, draining).await
                }

                async fn remove_node(
                    &self,
                    name: &str,
                    max_attempts: u32,
                ) -> StoreResult<Vec<Recovery>> {
                    nodes::remove_node(self, name, max_attempts).await
                }

                async fn node_runs(&self, name: &str) -> StoreResult<Vec<String>> {
                    nodes::node_runs(self, name).await
                }

                async fn wake_nodes(&self, names: &[String]) -> StoreResult<()> {
                    nodes::wake_nodes(self, names).await
                }

                async fn node_wakeups(
                    &self,
                    name: &str,
                ) -> StoreResult<tokio::sync::watch::Receiver<u64>> {
                    nodes::node_wakeups(self, name).await
                }

                async fn queue_wakeups(&self) -> StoreResult<tokio::sync::watch::Receiver<u64>> {
                    nodes::queue_wakeups(self).await
                }

                async fn node_leases(&self) -> StoreResult<Vec<NodeLease>> {
                    nodes::node_leases(self).await
                }

                async fn recover_lapsed_node(
                    &self,
                    name: &str,
                    observed: Option<u64>,
                    reason: &str,
                    max_attempts: u32,
                ) -> StoreResult<LapseRecovery> {
                    nodes::recover_lapsed_node(self, name, observed, reason, max_attempts).await
                }

                async fn announce_scheduler(&self, beat: &SchedulerBeat) -> StoreResult<()> {
                    nodes::announce_scheduler(self, beat).await
                }

                async fn schedulers(&self) -> StoreResult<Vec<SchedulerInfo>> {
                    nodes::schedulers(self).await
                }

                async fn retire_scheduler(&self, id: &str) -> StoreResult<()> {
                    nodes::retire_scheduler(self, id).await
                }

                async fn start_run(
                    &self,
                    id: &str,
                    node: &str,
                    attempt: u32,
                    log_path: Option<&str>,
                ) -> StoreResult<Applied> {
                    runs::start_run(self, id, node, attempt, log_path).await
                }

                async fn finish_run(
                    &self,
                    id: &str,
                    node: &str,
                    attempt: u32,
                    done: &Completion,
                ) -> StoreResult<Applied> {
                    runs::finish_run(self, id, node, attempt, done).await
                }

                async fn start_runs(
                    &self,
                    node: &str,
                    starts: &[RunStart],
                ) -> StoreResult<Vec<Applied>> {
                    runs::start_runs(self, node, starts).await
                }

                async fn start_placed(
                    &self,
                    node: &str,
                    starts: &[PlacedStart],
                    max: usize,
                ) -> StoreResult<Vec<Option<Started>>> {
                    runs::start_placed(self, node, starts, max).await
                }

                async fn finish_runs(
                    &self,
                    node: &str,
                    finishes: &[RunFinish],
                ) -> StoreResult<Vec<Applied>> {
                    runs::finish_runs(self, node, finishes).await
                }

                async fn hand_back(
                    &self,
                    id: &str,
                    node: &str,
                    attempt: u32,
                    reason: &str,
                    max_attempts: u32,
                ) -> StoreResult<Option<Recovery>> {
                    runs::hand_back(self, id, node, attempt, reason, max_attempts).await
                }

                async fn run_states(&self, ids: &[String]) -> StoreResult<Vec<Option<RunStatus>>> {
                    runs::run_states(self, ids).await
                }

                async fn delete_run(&self, id: &str) -> StoreResult<bool> {
                    runs::delete_run(self, id).await
                }

                async fn discard_unreadable(&self, id: &str, reason: &str) -> StoreResult<()> {
                    runs::discard_unreadable(self, id, reason).await
                }

                async fn policy_version(&self) -> StoreResult<u64> {
                    policies::policy_version(self).await
                }

                async fn policies(&self) -> StoreResult<(u64, Vec<StoredPolicy>)> {
                    policies::policies(self).await
                }

                async fn apply_policies(
                    &self,
                    policies: &[StoredPolicy],
                    who: &str,
                    history: History,
                ) -> StoreResult<PolicyWrite> {
                    policies::apply_policies(self, policies, who, history).await
                }

                async fn delete_policies(
                    &self,
                    names: &[String],
                    who: &str,
                    history: History,
                ) -> StoreResult<PolicyWrite> {
                    policies::delete_policies(self, names, who, history).await
                }

                async fn replace_policies(
                    &self,
                    set: &BTreeMap<String, String>,
                    who: &str,
                    action: &str,
                ) -> StoreResult<PolicyWrite> {
                    policies::replace_policies(self, set, who, action).await
                }

                async fn policy_history(&self, limit: usize) -> StoreResult<Vec<PolicyChange>> {
                    policies::policy_history(self, limit).await
                }

                async fn watch_policies(&self) -> StoreResult<mpsc::Receiver<u64>> {
                    policies::watch_policies(self).await
                }

                async fn retention(&self) -> StoreResult<Retention> {
                    retention::retention(self).await
                }

                async fn set_retention(&self, finished: Duration) -> StoreResult<()> {
                    retention::set_retention(self, finished).await
                }

                async fn expired_runs(
                    &self,
                    now: i64,
                    window: Duration,
                    max: usize,
                ) -> StoreResult<Vec<String>> {
                    retention::expired_runs(self, now, window, max).await
                }

                async fn delete_expired(
                    &self,
                    ids: &[String],
                    now: i64,
                    window: Duration,
                ) -> StoreResult<Vec<String>> {
                    retention::delete_expired(self, ids, now, window).await
                }

                async fn trim_events(&self, before_ms: i64) -> StoreResult<u64> {
                    retention::trim_events(self, before_ms).await
                }

                async fn runs_with_events(
                    &self,
                    ids: &[String],
                ) -> StoreResult<Vec<Option<(Run, Vec<Event>)>>> {
                    retention::runs_with_events(self, ids).await
                }
            }
        };
    };
}
