//! Listing runs page by page: one page (`--limit`, `--cursor`) or every page (`--all`).

use crate::store::{RunFilter, RunPage, Store, StoreResult};

/// Runs fetched per round trip when every page is wanted.
pub const PAGE_FOR_ALL: usize = 1000;

/// One page after `cursor`, or with `all` every page from `cursor` on (then `next_cursor` is `None`).
pub async fn list_runs(
    store: &dyn Store,
    filter: &RunFilter,
    cursor: Option<&str>,
    limit: usize,
    all: bool,
) -> StoreResult<RunPage> {
    let mut runs = Vec::new();
    let mut cursor = cursor.map(str::to_string);
    loop {
        let page = store
            .list_runs(
                filter,
                cursor.as_deref(),
                if all { PAGE_FOR_ALL } else { limit },
            )
            .await?;
        runs.extend(page.runs);
        cursor = page.next_cursor;
        if !all || cursor.is_none() {
            break;
        }
    }
    Ok(RunPage {
        runs,
        next_cursor: cursor,
    })
}
