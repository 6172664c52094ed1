//! Redis Cluster: the harness (3 masters, 3 replicas on ports below 55536), cells placed on
//! distinct masters, and tartarus's key slots against the server's.

mod support;

use support::cluster::RedisCluster;
use tartarus::store::keys::{key_slot, Cell, Keys};

#[test]
fn cells_land_on_distinct_masters_and_slots_match_the_server() {
    let cluster = RedisCluster::start(3, 1);
    assert_eq!(cluster.masters().len(), 3);
    // The cluster bus is port + 10000: every port leaves room for it.
    assert!(
        cluster.nodes.iter().all(|n| n.port < 55_536),
        "{}",
        cluster.addrs()
    );
    let cells = cluster.cells_on_distinct_masters(3);
    let masters: std::collections::BTreeSet<u16> = cells.iter().map(|(_, m)| *m).collect();
    assert_eq!(masters.len(), 3, "{cells:?}");
    for (name, _) in &cells {
        let keys = Keys::for_cell(&Cell::new(name).unwrap());
        for key in [keys.runs(), keys.queue(), keys.policies(), keys.run("01X")] {
            assert_eq!(key_slot(&key), cluster.keyslot(&key), "{key}");
            assert_eq!(cluster.keyslot(&key), cluster.keyslot(&keys.schema()));
        }
    }
}
