//! The EXAMPLES of every command's long help (`--help`), also the EXAMPLES section of its man page.
//!
//! Each text starts with the line `Examples:`; the man page generator turns that into its heading.

/// The heading line every examples text starts with.
pub const HEADING: &str = "Examples:";

pub const TOP: &str = "Examples:
  # Everything in one process on the in-memory store: nodes, a scheduler, policies, runs
  tartarus --in-memory up --policies examples/policies.yaml --submit examples/sandboxes.yaml --until-idle

  # Against Redis: submit a run and wait for it (the command follows --)
  export REDIS_ADDR=127.0.0.1:6379
  tartarus sandbox submit --image alpine:3.20 --wait -- sh -c 'echo hi'

  # What is queued, what is alive
  tartarus queue stats
  tartarus node list";

pub const SANDBOX: &str = "Examples:
  tartarus sandbox submit --image alpine:3.20 --cpu 500m -- sh -c 'echo hi'
  tartarus sandbox submit -f examples/sandboxes.yaml -o json | jq -r '.items[].id'
  tartarus sandbox list --state failed
  tartarus sandbox wait 01J8Z6Q4N5KXRV4C2G7T9B3M1A
  tartarus sandbox get 01J8Z6Q4N5KXRV4C2G7T9B3M1A -o yaml";

pub const SANDBOX_SUBMIT: &str = "Examples:
  # Flags: everything after -- is the command and its arguments, flags included
  tartarus sandbox submit --image alpine:3.20 --cpu 500m --memory 256Mi --timeout 30s -- sh -c 'echo hi'

  # A file with many documents (bulk, pipelined); print the new ids
  tartarus sandbox submit -f examples/sandboxes.yaml -o json | jq -r '.items[].id'

  # From stdin, then wait: the exit code mirrors the runs (0 succeeded, 10 failed, ...)
  cat job.yaml | tartarus sandbox submit -f - --wait --wait-timeout 1h

  # Submit again what `sandbox get -o yaml` printed (its status: is ignored)
  tartarus sandbox get 01J8Z6Q4N5KXRV4C2G7T9B3M1A -o yaml | tartarus sandbox submit -f -";

pub const SANDBOX_LIST: &str = "Examples:
  tartarus sandbox list
  tartarus sandbox list --state timed_out --label team=ci -o wide

  # Page by page: the next cursor is in `next` (JSON) or on stderr (table)
  tartarus sandbox list --limit 50 -o json | jq -r .next
  tartarus sandbox list --limit 50 --cursor 01J8Z6Q4N5KXRV4C2G7T9B3M1A

  # Everything, every page
  tartarus sandbox list --all -o json | jq '.items | length'";

pub const SANDBOX_GET: &str = "Examples:
  tartarus sandbox get 01J8Z6Q4N5KXRV4C2G7T9B3M1A

  # The submitted document with its status; submit it again as is
  tartarus sandbox get 01J8Z6Q4N5KXRV4C2G7T9B3M1A -o yaml > again.yaml
  tartarus sandbox submit -f again.yaml";

pub const SANDBOX_WAIT: &str = "Examples:
  tartarus sandbox wait 01J8Z6Q4N5KXRV4C2G7T9B3M1A

  # Give up after an hour (exit 15); fail after 30s pending with no node that fits (exit 17)
  tartarus sandbox wait --timeout 1h --pending-timeout 30s 01J8Z6Q4N5KXRV4C2G7T9B3M1A

  # In a script: stop on the first failure
  tartarus sandbox wait \"$id\" || echo \"run $id did not succeed (exit $?)\"";

pub const SANDBOX_LOGS: &str = "Examples:
  tartarus sandbox logs 01J8Z6Q4N5KXRV4C2G7T9B3M1A
  tartarus sandbox logs -f 01J8Z6Q4N5KXRV4C2G7T9B3M1A";

pub const SANDBOX_WATCH: &str = "Examples:
  tartarus sandbox watch
  tartarus sandbox watch --run 01J8Z6Q4N5KXRV4C2G7T9B3M1A
  tartarus sandbox watch --from-start -o json | jq -c 'select(.to == \"failed\")'";

pub const SANDBOX_CANCEL: &str = "Examples:
  tartarus sandbox cancel 01J8Z6Q4N5KXRV4C2G7T9B3M1A
  tartarus sandbox cancel --yes --reason 'superseded by v2' 01J8Z6Q4N5KXRV4C2G7T9B3M1A 01J8Z6Q4N5KXRV4C2G7T9B3M1B

  # what would be cancelled, changing nothing
  tartarus sandbox cancel --dry-run 01J8Z6Q4N5KXRV4C2G7T9B3M1A";

pub const SANDBOX_EXPORT: &str = "Examples:
  # Everything that finished more than a day ago, compressed
  tartarus sandbox export --finished-before 1d --to runs-$(date +%F).jsonl.gz

  # Up to a point in time; count the runs of one state
  tartarus sandbox export --finished-before 2026-11-30T00:00:00Z --to nov.jsonl
  jq -r .status.state nov.jsonl | sort | uniq -c";

pub const QUEUE: &str = "Examples:
  tartarus queue stats
  tartarus queue list dead
  tartarus queue retry --all";

pub const QUEUE_STATS: &str = "Examples:
  tartarus queue stats
  tartarus queue stats -o json | jq .depth";

pub const QUEUE_LIST: &str = "Examples:
  tartarus queue list
  tartarus queue list pending --limit 20
  tartarus queue list dead -o json | jq -r '.items[].id'";

pub const QUEUE_PEEK: &str = "Examples:
  tartarus queue peek
  tartarus queue peek -n 50 -o wide";

pub const QUEUE_PURGE: &str = "Examples:
  tartarus queue purge dead
  tartarus queue purge queued --yes";

pub const QUEUE_RETRY: &str = "Examples:
  tartarus queue retry 01J8Z6Q4N5KXRV4C2G7T9B3M1A
  tartarus queue retry --all";

pub const QUEUE_PAUSE: &str = "Examples:
  tartarus queue pause
  tartarus queue stats   # Paused: true";

pub const QUEUE_RESUME: &str = "Examples:
  tartarus queue resume";

pub const NODE: &str = "Examples:
  tartarus node list
  tartarus node drain worker-3
  tartarus node label worker-3 tartarus.io/phlegethon=true";

pub const NODE_REGISTER: &str = "Examples:
  tartarus node register worker-9 --cpu 8 --memory 16Gi --slots 8 --ttl 1m
  HADES_LABEL=\"tartarus.io/typhon=true\" tartarus node register quarantine-1";

pub const NODE_LIST: &str = "Examples:
  tartarus node list
  tartarus node list -o wide
  tartarus node list -o json | jq -r '.items[] | select(.status == \"expired\") | .name'";

pub const NODE_GET: &str = "Examples:
  tartarus node get worker-3";

pub const NODE_LABEL: &str = "Examples:
  tartarus node label worker-3 tartarus.io/phlegethon=true
  tartarus node label worker-3 tartarus.io/phlegethon-";

pub const NODE_DRAIN: &str = "Examples:
  tartarus node drain worker-3
  tartarus node drain worker-3 --undo";

pub const NODE_REMOVE: &str = "Examples:
  # which runs would be requeued and which dead-lettered, changing nothing
  tartarus node remove worker-3 --dry-run
  tartarus node remove worker-3 --yes";

pub const POLICY: &str = "Examples:
  tartarus policy apply -f examples/policies.yaml
  tartarus policy test -f job.yaml
  tartarus policy history";

pub const POLICY_APPLY: &str = "Examples:
  tartarus policy apply -f examples/policies.yaml
  cat policies.yaml | tartarus policy apply -f -";

pub const POLICY_LIST: &str = "Examples:
  tartarus policy list
  tartarus policy list -o json";

pub const POLICY_GET: &str = "Examples:
  tartarus policy get no-privileged -o yaml";

pub const POLICY_DELETE: &str = "Examples:
  tartarus policy delete no-privileged --yes";

pub const POLICY_HISTORY: &str = "Examples:
  tartarus policy history --limit 5";

pub const POLICY_ROLLBACK: &str = "Examples:
  tartarus policy history
  tartarus policy rollback --to-version 7 --yes";

pub const POLICY_TEST: &str = "Examples:
  # Against the stored policies; exit 0 allow, 20 deny, 21 quarantine
  tartarus policy test -f job.yaml

  # Offline, against a policy file (no Redis needed)
  tartarus policy test -f job.yaml --policies examples/policies.yaml";

pub const SCHEDULER: &str = "Examples:
  tartarus scheduler run
  tartarus scheduler run --once";

pub const SCHEDULER_RUN: &str = "Examples:
  # Until SIGINT/SIGTERM (the first finishes the batch in hand, a second exits at once)
  REDIS_ADDR=redis:6379 tartarus scheduler run

  # Drain the queue once and exit, for scripts
  tartarus scheduler run --once -o json

  # With Prometheus metrics and probes (/metrics, /healthz, /readyz), JSON logs
  tartarus --log-format json scheduler run --metrics-addr 0.0.0.0:9090

  # Keep finished runs for 2 days (the cell's window, for every scheduler and agent), and
  # archive each one to /var/lib/tartarus/archive/<UTC hour>.jsonl before it is deleted
  tartarus scheduler run --retain-finished 2d --archive-dir /var/lib/tartarus/archive";

pub const AGENT: &str = "Examples:
  tartarus agent run --name worker-1 --cpu 8 --memory 16Gi --slots 8";

pub const AGENT_RUN: &str = "Examples:
  tartarus agent run --name worker-1 --cpu 8 --memory 16Gi --slots 8

  # A quarantine (Typhon) node with bubblewrap isolation
  HADES_LABEL=\"tartarus.io/typhon=true\" tartarus agent run --name typhon-1 --runtime bwrap

  # With Prometheus metrics and probes; ready once its node is registered
  tartarus agent run --name worker-1 --metrics-addr 0.0.0.0:9091";

pub const UP: &str = "Examples:
  # The zero-setup default: three local nodes, a scheduler, the in-memory store
  tartarus --in-memory up --policies examples/policies.yaml --submit examples/sandboxes.yaml --until-idle

  # In CI: fail the job when any run did not succeed (exit code of the worst run)
  tartarus --in-memory up --submit jobs.yaml --until-idle --exit-code

  # Your own nodes, against Redis, until stopped
  tartarus up --nodes examples/nodes.yaml";

pub const TOP_VIEW: &str = "Examples:
  # A live view; q or Ctrl-C to quit
  tartarus top

  # Without a terminal: one JSON snapshot per line, every 5 seconds, 12 of them
  tartarus top --interval 5s --count 12 > snapshots.jsonl";

pub const CONFIG: &str = "Examples:
  tartarus config show";

pub const CONFIG_SHOW: &str = "Examples:
  tartarus config show
  REDIS_ADDR=rediss://app:s%40cret@cache:6380/2 tartarus config show -o json

  # which topology: Sentinel (REDIS_ADDR must then be unset)
  REDIS_SENTINEL_ADDRS=s1:26379,s2:26379,s3:26379 REDIS_SENTINEL_MASTER=mymaster tartarus config show";

pub const COMPLETIONS: &str = "Examples:
  # bash (needs the bash-completion package)
  tartarus completions bash > ~/.local/share/bash-completion/completions/tartarus

  # zsh: a folder on $fpath, then restart the shell
  mkdir -p ~/.zfunc && tartarus completions zsh > ~/.zfunc/_tartarus
  echo 'fpath=(~/.zfunc $fpath); autoload -U compinit; compinit' >> ~/.zshrc

  # fish
  tartarus completions fish > ~/.config/fish/completions/tartarus.fish";

pub const MAN: &str = "Examples:
  tartarus man --dir /usr/local/share/man/man1 && mandb
  tartarus man --dir ./man && man ./man/tartarus-sandbox-submit.1";

pub const MIGRATE: &str = "Examples:
  # Upgrading: stop every scheduler and agent of the previous version, then count, then move
  tartarus migrate --dry-run
  tartarus migrate --yes

  # Into a named cell, or from the old server into a Redis Cluster (the old server is kept)
  tartarus --cell eu-1 migrate --yes
  tartarus --cell eu-1 --redis-addr new-redis:6379 migrate --from old-redis:6379 --yes";
