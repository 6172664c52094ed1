# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_tartarus_global_optspecs
    string join \n o/output= y/yes q/quiet v/verbose log-format= environment= redis-addr= redis-db= cell= queue-key= redis-username= redis-password-file= redis-sentinel= redis-cluster= redis-sentinel-master= redis-sentinel-username= redis-sentinel-password-file= tls tls-ca-file= tls-cert-file= tls-key-file= tls-insecure min-replicas-ack= min-replicas-timeout= in-memory redis-timeout= redis-connect-timeout= h/help V/version
end

function __fish_tartarus_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_tartarus_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_tartarus_using_subcommand
    set -l cmd (__fish_tartarus_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c tartarus -n "__fish_tartarus_needs_command" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_needs_command" -l log-format -d 'Log lines on stderr: text, or one JSON object per line (for log collectors)' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line: timestamp (RFC 3339), level, message, fields'"
complete -c tartarus -n "__fish_tartarus_needs_command" -l environment -d 'Deployment environment [env: TARTARUS_ENV]' -r -f -a "development\t'REDIS_ADDR defaults to localhost:6379; "" selects the in-memory store'
production\t'REDIS_ADDR is required and Redis must answer; no in-memory store'"
complete -c tartarus -n "__fish_tartarus_needs_command" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_needs_command" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_needs_command" -l cell -d 'The cell: one deployment\'s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]' -r
complete -c tartarus -n "__fish_tartarus_needs_command" -l queue-key -d 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_needs_command" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_needs_command" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_needs_command" -l redis-sentinel -d 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_needs_command" -l redis-cluster -d 'Talk to a Redis Cluster through these nodes, host:port,host:port,… (the slot map is learnt from them; excludes --redis-addr and --redis-sentinel) [env: REDIS_CLUSTER_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_needs_command" -l redis-sentinel-master -d 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]' -r
complete -c tartarus -n "__fish_tartarus_needs_command" -l redis-sentinel-username -d 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_needs_command" -l redis-sentinel-password-file -d 'Read the Sentinels\' own password (not the data nodes\') from this file [env: REDIS_SENTINEL_PASSWORD]' -r -F
complete -c tartarus -n "__fish_tartarus_needs_command" -l tls-ca-file -d 'PEM file of the CA that signed the servers\' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]' -r
complete -c tartarus -n "__fish_tartarus_needs_command" -l tls-cert-file -d 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]' -r
complete -c tartarus -n "__fish_tartarus_needs_command" -l tls-key-file -d 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]' -r
complete -c tartarus -n "__fish_tartarus_needs_command" -l min-replicas-ack -d 'After each acknowledged write (submit, policy change, cancel, a run\'s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]' -r
complete -c tartarus -n "__fish_tartarus_needs_command" -l min-replicas-timeout -d 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]' -r
complete -c tartarus -n "__fish_tartarus_needs_command" -l redis-timeout -d 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_needs_command" -l redis-connect-timeout -d 'How long connecting to Redis may take [default: 3s]' -r
complete -c tartarus -n "__fish_tartarus_needs_command" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_needs_command" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_needs_command" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_needs_command" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_needs_command" -l tls-insecure -d 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]'
complete -c tartarus -n "__fish_tartarus_needs_command" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_needs_command" -s V -l version -d 'Print version'
complete -c tartarus -n "__fish_tartarus_needs_command" -f -a "sandbox" -d 'Submit, list, inspect, wait for and cancel sandbox runs (Hades)'
complete -c tartarus -n "__fish_tartarus_needs_command" -f -a "queue" -d 'Inspect and repair the Acheron queue'
complete -c tartarus -n "__fish_tartarus_needs_command" -f -a "node" -d 'The node registry: heartbeats, labels, drain, remove'
complete -c tartarus -n "__fish_tartarus_needs_command" -f -a "policy" -d 'Themis admission policies: apply, list, test, history, rollback'
complete -c tartarus -n "__fish_tartarus_needs_command" -f -a "scheduler" -d 'The embedded scheduler loop (Rhadamanthus admission, Phlegethon/Typhon routing)'
complete -c tartarus -n "__fish_tartarus_needs_command" -f -a "agent" -d 'A node agent that runs the sandboxes scheduled to its node'
complete -c tartarus -n "__fish_tartarus_needs_command" -f -a "up" -d 'Everything in one process: local agents, a scheduler, optional policies and a sandbox file; with --until-idle, runs the file to the end and prints a summary'
complete -c tartarus -n "__fish_tartarus_needs_command" -f -a "top" -d 'A live view: queue depth per state, runs per second, schedulers, nodes, latest events (JSON lines when stdout is not a terminal)'
complete -c tartarus -n "__fish_tartarus_needs_command" -f -a "config" -d 'Show the effective configuration'
complete -c tartarus -n "__fish_tartarus_needs_command" -f -a "redis" -d 'Redis persistence: health checks (monitoring exit codes) and the recommended settings'
complete -c tartarus -n "__fish_tartarus_needs_command" -f -a "backup" -d 'Backups: create, list, verify, prune, restore'
complete -c tartarus -n "__fish_tartarus_needs_command" -f -a "metrics" -d 'Node_exporter textfile metrics for cron jobs: backups (local and off-machine), verify results, Redis persistence status, queue depth'
complete -c tartarus -n "__fish_tartarus_needs_command" -f -a "verify" -d 'End-to-end checks for CI (`verify persistence`)'
complete -c tartarus -n "__fish_tartarus_needs_command" -f -a "migrate" -d 'Bring a cell to this version\'s schema: raise an older cell\'s version, or move a deployment from the key layout before cells into a cell (in place, or --from an old server); resumable, --dry-run counts'
complete -c tartarus -n "__fish_tartarus_needs_command" -f -a "bench" -d 'Measure throughput against the configured store (`bench backup`: backup and restore speed)'
complete -c tartarus -n "__fish_tartarus_needs_command" -f -a "completions" -d 'Print shell completions (bash, zsh, fish, powershell, elvish)'
complete -c tartarus -n "__fish_tartarus_needs_command" -f -a "man" -d 'Write man pages for every command into a folder'
complete -c tartarus -n "__fish_tartarus_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and not __fish_seen_subcommand_from submit list get wait logs watch cancel export help" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and not __fish_seen_subcommand_from submit list get wait logs watch cancel export help" -l log-format -d 'Log lines on stderr: text, or one JSON object per line (for log collectors)' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line: timestamp (RFC 3339), level, message, fields'"
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and not __fish_seen_subcommand_from submit list get wait logs watch cancel export help" -l environment -d 'Deployment environment [env: TARTARUS_ENV]' -r -f -a "development\t'REDIS_ADDR defaults to localhost:6379; "" selects the in-memory store'
production\t'REDIS_ADDR is required and Redis must answer; no in-memory store'"
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and not __fish_seen_subcommand_from submit list get wait logs watch cancel export help" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and not __fish_seen_subcommand_from submit list get wait logs watch cancel export help" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and not __fish_seen_subcommand_from submit list get wait logs watch cancel export help" -l cell -d 'The cell: one deployment\'s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and not __fish_seen_subcommand_from submit list get wait logs watch cancel export help" -l queue-key -d 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and not __fish_seen_subcommand_from submit list get wait logs watch cancel export help" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and not __fish_seen_subcommand_from submit list get wait logs watch cancel export help" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and not __fish_seen_subcommand_from submit list get wait logs watch cancel export help" -l redis-sentinel -d 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and not __fish_seen_subcommand_from submit list get wait logs watch cancel export help" -l redis-cluster -d 'Talk to a Redis Cluster through these nodes, host:port,host:port,… (the slot map is learnt from them; excludes --redis-addr and --redis-sentinel) [env: REDIS_CLUSTER_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and not __fish_seen_subcommand_from submit list get wait logs watch cancel export help" -l redis-sentinel-master -d 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and not __fish_seen_subcommand_from submit list get wait logs watch cancel export help" -l redis-sentinel-username -d 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and not __fish_seen_subcommand_from submit list get wait logs watch cancel export help" -l redis-sentinel-password-file -d 'Read the Sentinels\' own password (not the data nodes\') from this file [env: REDIS_SENTINEL_PASSWORD]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and not __fish_seen_subcommand_from submit list get wait logs watch cancel export help" -l tls-ca-file -d 'PEM file of the CA that signed the servers\' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and not __fish_seen_subcommand_from submit list get wait logs watch cancel export help" -l tls-cert-file -d 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and not __fish_seen_subcommand_from submit list get wait logs watch cancel export help" -l tls-key-file -d 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and not __fish_seen_subcommand_from submit list get wait logs watch cancel export help" -l min-replicas-ack -d 'After each acknowledged write (submit, policy change, cancel, a run\'s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and not __fish_seen_subcommand_from submit list get wait logs watch cancel export help" -l min-replicas-timeout -d 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and not __fish_seen_subcommand_from submit list get wait logs watch cancel export help" -l redis-timeout -d 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and not __fish_seen_subcommand_from submit list get wait logs watch cancel export help" -l redis-connect-timeout -d 'How long connecting to Redis may take [default: 3s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and not __fish_seen_subcommand_from submit list get wait logs watch cancel export help" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and not __fish_seen_subcommand_from submit list get wait logs watch cancel export help" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and not __fish_seen_subcommand_from submit list get wait logs watch cancel export help" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and not __fish_seen_subcommand_from submit list get wait logs watch cancel export help" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and not __fish_seen_subcommand_from submit list get wait logs watch cancel export help" -l tls-insecure -d 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and not __fish_seen_subcommand_from submit list get wait logs watch cancel export help" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and not __fish_seen_subcommand_from submit list get wait logs watch cancel export help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and not __fish_seen_subcommand_from submit list get wait logs watch cancel export help" -f -a "submit" -d 'Submit sandboxes from a YAML file (many documents = bulk, pipelined) or from flags'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and not __fish_seen_subcommand_from submit list get wait logs watch cancel export help" -f -a "list" -d 'List runs, oldest first, with filters and paging'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and not __fish_seen_subcommand_from submit list get wait logs watch cancel export help" -f -a "get" -d 'Show one run: its document (resubmittable with -o yaml), verdict, placement, outcome and recent events'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and not __fish_seen_subcommand_from submit list get wait logs watch cancel export help" -f -a "wait" -d 'Wait until runs finish; the exit code is that of the worst run'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and not __fish_seen_subcommand_from submit list get wait logs watch cancel export help" -f -a "logs" -d 'Print a run\'s output: the full log when it is readable here, else the stored tail'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and not __fish_seen_subcommand_from submit list get wait logs watch cancel export help" -f -a "watch" -d 'Stream run and policy events as they happen (`-o json`: one JSON object per line)'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and not __fish_seen_subcommand_from submit list get wait logs watch cancel export help" -f -a "cancel" -d 'Cancel runs in any unfinished state (frees their node capacity)'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and not __fish_seen_subcommand_from submit list get wait logs watch cancel export help" -f -a "export" -d 'Write finished runs with their events as JSON lines (before retention deletes them)'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and not __fish_seen_subcommand_from submit list get wait logs watch cancel export help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -s f -l file -d 'YAML file with one or more sandbox documents (`-` reads stdin)' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -l name -d 'Name of the sandbox (flags mode)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -l image -d 'Image to run (flags mode; the command follows `--`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -l cpu -d 'CPU: cores (`2`, `0.5`) or millicores (`500m`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -l memory -d 'Memory: `512Mi`, `2Gi`' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -l gpu -d 'GPUs' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -l timeout -d 'The sandbox\'s own timeout: `30s`, `5m`, `1h` (the wait\'s is --wait-timeout)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -l heat -d 'Heat class; classified from resources and timeout when not given' -r -f -a "cold\t''
warm\t''
hot\t''
inferno\t''"
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -l priority -d 'Priority 0–1000; higher runs first' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -l label -d 'Label key=value (repeatable)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -l env -d 'Environment variable K=V (repeatable)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -l idempotency-key -d 'Make the submit idempotent: every document without its own `metadata.idempotencyKey` gets the key PREFIX + its index (0-based). Running the same command again returns the runs already stored (for 24 h, or until they are deleted) and completes the rest; a key used for other content is refused (exit 7)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -l wait-timeout -d 'With --wait: give up after this long (exit 15)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -l pending-timeout -d 'With --wait: fail (exit 17) when a run stays pending this long with no node that could ever take it; 0 waits for ever' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -l max-file-size -d 'Largest input file (`64Mi`, `1Gi`; at most 4Gi)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -l max-documents -d 'Most documents in one input file (at most 1000000)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -l command -d 'Removed: the command now follows `--` (using it prints how)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -l log-format -d 'Log lines on stderr: text, or one JSON object per line (for log collectors)' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line: timestamp (RFC 3339), level, message, fields'"
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -l environment -d 'Deployment environment [env: TARTARUS_ENV]' -r -f -a "development\t'REDIS_ADDR defaults to localhost:6379; "" selects the in-memory store'
production\t'REDIS_ADDR is required and Redis must answer; no in-memory store'"
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -l cell -d 'The cell: one deployment\'s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -l queue-key -d 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -l redis-sentinel -d 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -l redis-cluster -d 'Talk to a Redis Cluster through these nodes, host:port,host:port,… (the slot map is learnt from them; excludes --redis-addr and --redis-sentinel) [env: REDIS_CLUSTER_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -l redis-sentinel-master -d 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -l redis-sentinel-username -d 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -l redis-sentinel-password-file -d 'Read the Sentinels\' own password (not the data nodes\') from this file [env: REDIS_SENTINEL_PASSWORD]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -l tls-ca-file -d 'PEM file of the CA that signed the servers\' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -l tls-cert-file -d 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -l tls-key-file -d 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -l min-replicas-ack -d 'After each acknowledged write (submit, policy change, cancel, a run\'s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -l min-replicas-timeout -d 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -l redis-timeout -d 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -l redis-connect-timeout -d 'How long connecting to Redis may take [default: 3s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -l quarantine -d 'Ask for quarantine: the run goes only to Typhon nodes'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -l network -d 'Allow network access inside the sandbox'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -l wait -d 'Wait for the runs to finish (as `sandbox wait`); the exit code is that of the worst run'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -l tls-insecure -d 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from list" -l state -d 'Only runs in this state (spelled as the output spells it)' -r -f -a "queued\t''
admitted\t''
pending\t''
scheduled\t''
running\t''
succeeded\t''
failed\t''
timed_out\t''
cancelled\t''
denied\t''
rejected\t''
lost\t''
dead\t''"
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from list" -l heat -d 'Only runs of this heat' -r -f -a "cold\t''
warm\t''
hot\t''
inferno\t''"
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from list" -l label -d 'Only runs with this label (k=v)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from list" -l node -d 'Only runs placed on this node' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from list" -l limit -d 'Most runs on this page; the next page\'s cursor is `next` (JSON) or printed on stderr' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from list" -l cursor -d 'Start after this cursor (the `next` of the previous page)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from list" -l log-format -d 'Log lines on stderr: text, or one JSON object per line (for log collectors)' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line: timestamp (RFC 3339), level, message, fields'"
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from list" -l environment -d 'Deployment environment [env: TARTARUS_ENV]' -r -f -a "development\t'REDIS_ADDR defaults to localhost:6379; "" selects the in-memory store'
production\t'REDIS_ADDR is required and Redis must answer; no in-memory store'"
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from list" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from list" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from list" -l cell -d 'The cell: one deployment\'s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from list" -l queue-key -d 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from list" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from list" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from list" -l redis-sentinel -d 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from list" -l redis-cluster -d 'Talk to a Redis Cluster through these nodes, host:port,host:port,… (the slot map is learnt from them; excludes --redis-addr and --redis-sentinel) [env: REDIS_CLUSTER_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from list" -l redis-sentinel-master -d 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from list" -l redis-sentinel-username -d 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from list" -l redis-sentinel-password-file -d 'Read the Sentinels\' own password (not the data nodes\') from this file [env: REDIS_SENTINEL_PASSWORD]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from list" -l tls-ca-file -d 'PEM file of the CA that signed the servers\' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from list" -l tls-cert-file -d 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from list" -l tls-key-file -d 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from list" -l min-replicas-ack -d 'After each acknowledged write (submit, policy change, cancel, a run\'s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from list" -l min-replicas-timeout -d 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from list" -l redis-timeout -d 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from list" -l redis-connect-timeout -d 'How long connecting to Redis may take [default: 3s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from list" -l all -d 'Every page (ignores --limit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from list" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from list" -l tls-insecure -d 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from list" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from get" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from get" -l log-format -d 'Log lines on stderr: text, or one JSON object per line (for log collectors)' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line: timestamp (RFC 3339), level, message, fields'"
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from get" -l environment -d 'Deployment environment [env: TARTARUS_ENV]' -r -f -a "development\t'REDIS_ADDR defaults to localhost:6379; "" selects the in-memory store'
production\t'REDIS_ADDR is required and Redis must answer; no in-memory store'"
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from get" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from get" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from get" -l cell -d 'The cell: one deployment\'s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from get" -l queue-key -d 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from get" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from get" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from get" -l redis-sentinel -d 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from get" -l redis-cluster -d 'Talk to a Redis Cluster through these nodes, host:port,host:port,… (the slot map is learnt from them; excludes --redis-addr and --redis-sentinel) [env: REDIS_CLUSTER_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from get" -l redis-sentinel-master -d 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from get" -l redis-sentinel-username -d 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from get" -l redis-sentinel-password-file -d 'Read the Sentinels\' own password (not the data nodes\') from this file [env: REDIS_SENTINEL_PASSWORD]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from get" -l tls-ca-file -d 'PEM file of the CA that signed the servers\' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from get" -l tls-cert-file -d 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from get" -l tls-key-file -d 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from get" -l min-replicas-ack -d 'After each acknowledged write (submit, policy change, cancel, a run\'s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from get" -l min-replicas-timeout -d 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from get" -l redis-timeout -d 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from get" -l redis-connect-timeout -d 'How long connecting to Redis may take [default: 3s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from get" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from get" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from get" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from get" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from get" -l tls-insecure -d 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from get" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from wait" -l timeout -d 'Give up after this long (exit 15); no default, a run may last days' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from wait" -l pending-timeout -d 'Fail (exit 17) when a run stays pending this long with no node that could ever take it; 0 waits for ever' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from wait" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from wait" -l log-format -d 'Log lines on stderr: text, or one JSON object per line (for log collectors)' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line: timestamp (RFC 3339), level, message, fields'"
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from wait" -l environment -d 'Deployment environment [env: TARTARUS_ENV]' -r -f -a "development\t'REDIS_ADDR defaults to localhost:6379; "" selects the in-memory store'
production\t'REDIS_ADDR is required and Redis must answer; no in-memory store'"
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from wait" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from wait" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from wait" -l cell -d 'The cell: one deployment\'s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from wait" -l queue-key -d 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from wait" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from wait" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from wait" -l redis-sentinel -d 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from wait" -l redis-cluster -d 'Talk to a Redis Cluster through these nodes, host:port,host:port,… (the slot map is learnt from them; excludes --redis-addr and --redis-sentinel) [env: REDIS_CLUSTER_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from wait" -l redis-sentinel-master -d 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from wait" -l redis-sentinel-username -d 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from wait" -l redis-sentinel-password-file -d 'Read the Sentinels\' own password (not the data nodes\') from this file [env: REDIS_SENTINEL_PASSWORD]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from wait" -l tls-ca-file -d 'PEM file of the CA that signed the servers\' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from wait" -l tls-cert-file -d 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from wait" -l tls-key-file -d 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from wait" -l min-replicas-ack -d 'After each acknowledged write (submit, policy change, cancel, a run\'s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from wait" -l min-replicas-timeout -d 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from wait" -l redis-timeout -d 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from wait" -l redis-connect-timeout -d 'How long connecting to Redis may take [default: 3s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from wait" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from wait" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from wait" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from wait" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from wait" -l tls-insecure -d 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from wait" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from wait" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from logs" -l pending-timeout -d 'With --follow: how long the run may stay pending with no node that could ever take it; 0 waits for ever' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from logs" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from logs" -l log-format -d 'Log lines on stderr: text, or one JSON object per line (for log collectors)' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line: timestamp (RFC 3339), level, message, fields'"
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from logs" -l environment -d 'Deployment environment [env: TARTARUS_ENV]' -r -f -a "development\t'REDIS_ADDR defaults to localhost:6379; "" selects the in-memory store'
production\t'REDIS_ADDR is required and Redis must answer; no in-memory store'"
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from logs" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from logs" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from logs" -l cell -d 'The cell: one deployment\'s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from logs" -l queue-key -d 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from logs" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from logs" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from logs" -l redis-sentinel -d 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from logs" -l redis-cluster -d 'Talk to a Redis Cluster through these nodes, host:port,host:port,… (the slot map is learnt from them; excludes --redis-addr and --redis-sentinel) [env: REDIS_CLUSTER_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from logs" -l redis-sentinel-master -d 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from logs" -l redis-sentinel-username -d 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from logs" -l redis-sentinel-password-file -d 'Read the Sentinels\' own password (not the data nodes\') from this file [env: REDIS_SENTINEL_PASSWORD]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from logs" -l tls-ca-file -d 'PEM file of the CA that signed the servers\' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from logs" -l tls-cert-file -d 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from logs" -l tls-key-file -d 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from logs" -l min-replicas-ack -d 'After each acknowledged write (submit, policy change, cancel, a run\'s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from logs" -l min-replicas-timeout -d 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from logs" -l redis-timeout -d 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from logs" -l redis-connect-timeout -d 'How long connecting to Redis may take [default: 3s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from logs" -s f -l follow -d 'Keep printing until the run ends (failing fast as `sandbox wait` does: exit 16 without a live scheduler, 17 when the run stays pending with no node that could take it)'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from logs" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from logs" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from logs" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from logs" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from logs" -l tls-insecure -d 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from logs" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from logs" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from watch" -l run -d 'Only this run\'s events' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from watch" -l count -d 'Stop after this many events' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from watch" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from watch" -l log-format -d 'Log lines on stderr: text, or one JSON object per line (for log collectors)' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line: timestamp (RFC 3339), level, message, fields'"
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from watch" -l environment -d 'Deployment environment [env: TARTARUS_ENV]' -r -f -a "development\t'REDIS_ADDR defaults to localhost:6379; "" selects the in-memory store'
production\t'REDIS_ADDR is required and Redis must answer; no in-memory store'"
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from watch" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from watch" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from watch" -l cell -d 'The cell: one deployment\'s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from watch" -l queue-key -d 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from watch" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from watch" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from watch" -l redis-sentinel -d 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from watch" -l redis-cluster -d 'Talk to a Redis Cluster through these nodes, host:port,host:port,… (the slot map is learnt from them; excludes --redis-addr and --redis-sentinel) [env: REDIS_CLUSTER_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from watch" -l redis-sentinel-master -d 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from watch" -l redis-sentinel-username -d 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from watch" -l redis-sentinel-password-file -d 'Read the Sentinels\' own password (not the data nodes\') from this file [env: REDIS_SENTINEL_PASSWORD]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from watch" -l tls-ca-file -d 'PEM file of the CA that signed the servers\' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from watch" -l tls-cert-file -d 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from watch" -l tls-key-file -d 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from watch" -l min-replicas-ack -d 'After each acknowledged write (submit, policy change, cancel, a run\'s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from watch" -l min-replicas-timeout -d 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from watch" -l redis-timeout -d 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from watch" -l redis-connect-timeout -d 'How long connecting to Redis may take [default: 3s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from watch" -l from-start -d 'Start from the oldest event kept instead of only new ones'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from watch" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from watch" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from watch" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from watch" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from watch" -l tls-insecure -d 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from watch" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from watch" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from cancel" -l reason -d 'Reason recorded on the run' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from cancel" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from cancel" -l log-format -d 'Log lines on stderr: text, or one JSON object per line (for log collectors)' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line: timestamp (RFC 3339), level, message, fields'"
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from cancel" -l environment -d 'Deployment environment [env: TARTARUS_ENV]' -r -f -a "development\t'REDIS_ADDR defaults to localhost:6379; "" selects the in-memory store'
production\t'REDIS_ADDR is required and Redis must answer; no in-memory store'"
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from cancel" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from cancel" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from cancel" -l cell -d 'The cell: one deployment\'s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from cancel" -l queue-key -d 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from cancel" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from cancel" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from cancel" -l redis-sentinel -d 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from cancel" -l redis-cluster -d 'Talk to a Redis Cluster through these nodes, host:port,host:port,… (the slot map is learnt from them; excludes --redis-addr and --redis-sentinel) [env: REDIS_CLUSTER_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from cancel" -l redis-sentinel-master -d 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from cancel" -l redis-sentinel-username -d 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from cancel" -l redis-sentinel-password-file -d 'Read the Sentinels\' own password (not the data nodes\') from this file [env: REDIS_SENTINEL_PASSWORD]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from cancel" -l tls-ca-file -d 'PEM file of the CA that signed the servers\' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from cancel" -l tls-cert-file -d 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from cancel" -l tls-key-file -d 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from cancel" -l min-replicas-ack -d 'After each acknowledged write (submit, policy change, cancel, a run\'s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from cancel" -l min-replicas-timeout -d 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from cancel" -l redis-timeout -d 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from cancel" -l redis-connect-timeout -d 'How long connecting to Redis may take [default: 3s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from cancel" -l dry-run -d 'List the runs that would be cancelled (and the ones that could not be) and change nothing'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from cancel" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from cancel" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from cancel" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from cancel" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from cancel" -l tls-insecure -d 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from cancel" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from cancel" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from export" -l finished-before -d 'Export runs finished at or before this time (RFC 3339, e.g. 2026-11-30T00:00:00Z), or this long ago (a duration: `7d`, `12h`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from export" -l to -d 'The file to write (`.jsonl`, or `.jsonl.gz` to compress it); it appears only when complete' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from export" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from export" -l log-format -d 'Log lines on stderr: text, or one JSON object per line (for log collectors)' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line: timestamp (RFC 3339), level, message, fields'"
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from export" -l environment -d 'Deployment environment [env: TARTARUS_ENV]' -r -f -a "development\t'REDIS_ADDR defaults to localhost:6379; "" selects the in-memory store'
production\t'REDIS_ADDR is required and Redis must answer; no in-memory store'"
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from export" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from export" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from export" -l cell -d 'The cell: one deployment\'s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from export" -l queue-key -d 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from export" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from export" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from export" -l redis-sentinel -d 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from export" -l redis-cluster -d 'Talk to a Redis Cluster through these nodes, host:port,host:port,… (the slot map is learnt from them; excludes --redis-addr and --redis-sentinel) [env: REDIS_CLUSTER_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from export" -l redis-sentinel-master -d 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from export" -l redis-sentinel-username -d 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from export" -l redis-sentinel-password-file -d 'Read the Sentinels\' own password (not the data nodes\') from this file [env: REDIS_SENTINEL_PASSWORD]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from export" -l tls-ca-file -d 'PEM file of the CA that signed the servers\' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from export" -l tls-cert-file -d 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from export" -l tls-key-file -d 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from export" -l min-replicas-ack -d 'After each acknowledged write (submit, policy change, cancel, a run\'s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from export" -l min-replicas-timeout -d 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from export" -l redis-timeout -d 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from export" -l redis-connect-timeout -d 'How long connecting to Redis may take [default: 3s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from export" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from export" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from export" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from export" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from export" -l tls-insecure -d 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from export" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from help" -f -a "submit" -d 'Submit sandboxes from a YAML file (many documents = bulk, pipelined) or from flags'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from help" -f -a "list" -d 'List runs, oldest first, with filters and paging'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from help" -f -a "get" -d 'Show one run: its document (resubmittable with -o yaml), verdict, placement, outcome and recent events'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from help" -f -a "wait" -d 'Wait until runs finish; the exit code is that of the worst run'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from help" -f -a "logs" -d 'Print a run\'s output: the full log when it is readable here, else the stored tail'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from help" -f -a "watch" -d 'Stream run and policy events as they happen (`-o json`: one JSON object per line)'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from help" -f -a "cancel" -d 'Cancel runs in any unfinished state (frees their node capacity)'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from help" -f -a "export" -d 'Write finished runs with their events as JSON lines (before retention deletes them)'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and not __fish_seen_subcommand_from stats list peek purge retry pause resume help" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and not __fish_seen_subcommand_from stats list peek purge retry pause resume help" -l log-format -d 'Log lines on stderr: text, or one JSON object per line (for log collectors)' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line: timestamp (RFC 3339), level, message, fields'"
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and not __fish_seen_subcommand_from stats list peek purge retry pause resume help" -l environment -d 'Deployment environment [env: TARTARUS_ENV]' -r -f -a "development\t'REDIS_ADDR defaults to localhost:6379; "" selects the in-memory store'
production\t'REDIS_ADDR is required and Redis must answer; no in-memory store'"
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and not __fish_seen_subcommand_from stats list peek purge retry pause resume help" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and not __fish_seen_subcommand_from stats list peek purge retry pause resume help" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and not __fish_seen_subcommand_from stats list peek purge retry pause resume help" -l cell -d 'The cell: one deployment\'s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and not __fish_seen_subcommand_from stats list peek purge retry pause resume help" -l queue-key -d 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and not __fish_seen_subcommand_from stats list peek purge retry pause resume help" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and not __fish_seen_subcommand_from stats list peek purge retry pause resume help" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and not __fish_seen_subcommand_from stats list peek purge retry pause resume help" -l redis-sentinel -d 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and not __fish_seen_subcommand_from stats list peek purge retry pause resume help" -l redis-cluster -d 'Talk to a Redis Cluster through these nodes, host:port,host:port,… (the slot map is learnt from them; excludes --redis-addr and --redis-sentinel) [env: REDIS_CLUSTER_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and not __fish_seen_subcommand_from stats list peek purge retry pause resume help" -l redis-sentinel-master -d 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and not __fish_seen_subcommand_from stats list peek purge retry pause resume help" -l redis-sentinel-username -d 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and not __fish_seen_subcommand_from stats list peek purge retry pause resume help" -l redis-sentinel-password-file -d 'Read the Sentinels\' own password (not the data nodes\') from this file [env: REDIS_SENTINEL_PASSWORD]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and not __fish_seen_subcommand_from stats list peek purge retry pause resume help" -l tls-ca-file -d 'PEM file of the CA that signed the servers\' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and not __fish_seen_subcommand_from stats list peek purge retry pause resume help" -l tls-cert-file -d 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and not __fish_seen_subcommand_from stats list peek purge retry pause resume help" -l tls-key-file -d 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and not __fish_seen_subcommand_from stats list peek purge retry pause resume help" -l min-replicas-ack -d 'After each acknowledged write (submit, policy change, cancel, a run\'s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and not __fish_seen_subcommand_from stats list peek purge retry pause resume help" -l min-replicas-timeout -d 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and not __fish_seen_subcommand_from stats list peek purge retry pause resume help" -l redis-timeout -d 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and not __fish_seen_subcommand_from stats list peek purge retry pause resume help" -l redis-connect-timeout -d 'How long connecting to Redis may take [default: 3s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and not __fish_seen_subcommand_from stats list peek purge retry pause resume help" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and not __fish_seen_subcommand_from stats list peek purge retry pause resume help" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and not __fish_seen_subcommand_from stats list peek purge retry pause resume help" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and not __fish_seen_subcommand_from stats list peek purge retry pause resume help" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and not __fish_seen_subcommand_from stats list peek purge retry pause resume help" -l tls-insecure -d 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and not __fish_seen_subcommand_from stats list peek purge retry pause resume help" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and not __fish_seen_subcommand_from stats list peek purge retry pause resume help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and not __fish_seen_subcommand_from stats list peek purge retry pause resume help" -f -a "stats" -d 'Depth, in-flight, pending and dead counts, pause state and runs per state (all O(1))'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and not __fish_seen_subcommand_from stats list peek purge retry pause resume help" -f -a "list" -d 'List the entries of one Acheron list, a page at a time'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and not __fish_seen_subcommand_from stats list peek purge retry pause resume help" -f -a "peek" -d 'The next runs a scheduler would claim, with their names'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and not __fish_seen_subcommand_from stats list peek purge retry pause resume help" -f -a "purge" -d 'Empty a list: queued, leased and pending runs are cancelled; dead letters are deleted with their data'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and not __fish_seen_subcommand_from stats list peek purge retry pause resume help" -f -a "retry" -d 'Send dead letters back to the queue (attempts reset)'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and not __fish_seen_subcommand_from stats list peek purge retry pause resume help" -f -a "pause" -d 'Stop schedulers from claiming (submissions still queue up)'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and not __fish_seen_subcommand_from stats list peek purge retry pause resume help" -f -a "resume" -d 'Let schedulers claim again'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and not __fish_seen_subcommand_from stats list peek purge retry pause resume help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from stats" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from stats" -l log-format -d 'Log lines on stderr: text, or one JSON object per line (for log collectors)' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line: timestamp (RFC 3339), level, message, fields'"
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from stats" -l environment -d 'Deployment environment [env: TARTARUS_ENV]' -r -f -a "development\t'REDIS_ADDR defaults to localhost:6379; "" selects the in-memory store'
production\t'REDIS_ADDR is required and Redis must answer; no in-memory store'"
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from stats" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from stats" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from stats" -l cell -d 'The cell: one deployment\'s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from stats" -l queue-key -d 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from stats" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from stats" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from stats" -l redis-sentinel -d 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from stats" -l redis-cluster -d 'Talk to a Redis Cluster through these nodes, host:port,host:port,… (the slot map is learnt from them; excludes --redis-addr and --redis-sentinel) [env: REDIS_CLUSTER_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from stats" -l redis-sentinel-master -d 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from stats" -l redis-sentinel-username -d 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from stats" -l redis-sentinel-password-file -d 'Read the Sentinels\' own password (not the data nodes\') from this file [env: REDIS_SENTINEL_PASSWORD]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from stats" -l tls-ca-file -d 'PEM file of the CA that signed the servers\' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from stats" -l tls-cert-file -d 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from stats" -l tls-key-file -d 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from stats" -l min-replicas-ack -d 'After each acknowledged write (submit, policy change, cancel, a run\'s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from stats" -l min-replicas-timeout -d 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from stats" -l redis-timeout -d 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from stats" -l redis-connect-timeout -d 'How long connecting to Redis may take [default: 3s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from stats" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from stats" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from stats" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from stats" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from stats" -l tls-insecure -d 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from stats" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from stats" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from list" -l limit -d 'Most entries on this page' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from list" -l cursor -d 'Start at this cursor (the `next` of the previous page)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from list" -l log-format -d 'Log lines on stderr: text, or one JSON object per line (for log collectors)' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line: timestamp (RFC 3339), level, message, fields'"
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from list" -l environment -d 'Deployment environment [env: TARTARUS_ENV]' -r -f -a "development\t'REDIS_ADDR defaults to localhost:6379; "" selects the in-memory store'
production\t'REDIS_ADDR is required and Redis must answer; no in-memory store'"
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from list" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from list" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from list" -l cell -d 'The cell: one deployment\'s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from list" -l queue-key -d 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from list" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from list" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from list" -l redis-sentinel -d 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from list" -l redis-cluster -d 'Talk to a Redis Cluster through these nodes, host:port,host:port,… (the slot map is learnt from them; excludes --redis-addr and --redis-sentinel) [env: REDIS_CLUSTER_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from list" -l redis-sentinel-master -d 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from list" -l redis-sentinel-username -d 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from list" -l redis-sentinel-password-file -d 'Read the Sentinels\' own password (not the data nodes\') from this file [env: REDIS_SENTINEL_PASSWORD]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from list" -l tls-ca-file -d 'PEM file of the CA that signed the servers\' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from list" -l tls-cert-file -d 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from list" -l tls-key-file -d 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from list" -l min-replicas-ack -d 'After each acknowledged write (submit, policy change, cancel, a run\'s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from list" -l min-replicas-timeout -d 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from list" -l redis-timeout -d 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from list" -l redis-connect-timeout -d 'How long connecting to Redis may take [default: 3s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from list" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from list" -l tls-insecure -d 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from list" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from peek" -s n -l count -d 'How many runs' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from peek" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from peek" -l log-format -d 'Log lines on stderr: text, or one JSON object per line (for log collectors)' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line: timestamp (RFC 3339), level, message, fields'"
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from peek" -l environment -d 'Deployment environment [env: TARTARUS_ENV]' -r -f -a "development\t'REDIS_ADDR defaults to localhost:6379; "" selects the in-memory store'
production\t'REDIS_ADDR is required and Redis must answer; no in-memory store'"
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from peek" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from peek" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from peek" -l cell -d 'The cell: one deployment\'s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from peek" -l queue-key -d 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from peek" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from peek" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from peek" -l redis-sentinel -d 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from peek" -l redis-cluster -d 'Talk to a Redis Cluster through these nodes, host:port,host:port,… (the slot map is learnt from them; excludes --redis-addr and --redis-sentinel) [env: REDIS_CLUSTER_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from peek" -l redis-sentinel-master -d 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from peek" -l redis-sentinel-username -d 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from peek" -l redis-sentinel-password-file -d 'Read the Sentinels\' own password (not the data nodes\') from this file [env: REDIS_SENTINEL_PASSWORD]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from peek" -l tls-ca-file -d 'PEM file of the CA that signed the servers\' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from peek" -l tls-cert-file -d 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from peek" -l tls-key-file -d 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from peek" -l min-replicas-ack -d 'After each acknowledged write (submit, policy change, cancel, a run\'s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from peek" -l min-replicas-timeout -d 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from peek" -l redis-timeout -d 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from peek" -l redis-connect-timeout -d 'How long connecting to Redis may take [default: 3s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from peek" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from peek" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from peek" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from peek" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from peek" -l tls-insecure -d 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from peek" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from peek" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from purge" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from purge" -l log-format -d 'Log lines on stderr: text, or one JSON object per line (for log collectors)' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line: timestamp (RFC 3339), level, message, fields'"
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from purge" -l environment -d 'Deployment environment [env: TARTARUS_ENV]' -r -f -a "development\t'REDIS_ADDR defaults to localhost:6379; "" selects the in-memory store'
production\t'REDIS_ADDR is required and Redis must answer; no in-memory store'"
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from purge" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from purge" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from purge" -l cell -d 'The cell: one deployment\'s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from purge" -l queue-key -d 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from purge" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from purge" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from purge" -l redis-sentinel -d 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from purge" -l redis-cluster -d 'Talk to a Redis Cluster through these nodes, host:port,host:port,… (the slot map is learnt from them; excludes --redis-addr and --redis-sentinel) [env: REDIS_CLUSTER_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from purge" -l redis-sentinel-master -d 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from purge" -l redis-sentinel-username -d 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from purge" -l redis-sentinel-password-file -d 'Read the Sentinels\' own password (not the data nodes\') from this file [env: REDIS_SENTINEL_PASSWORD]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from purge" -l tls-ca-file -d 'PEM file of the CA that signed the servers\' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from purge" -l tls-cert-file -d 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from purge" -l tls-key-file -d 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from purge" -l min-replicas-ack -d 'After each acknowledged write (submit, policy change, cancel, a run\'s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from purge" -l min-replicas-timeout -d 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from purge" -l redis-timeout -d 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from purge" -l redis-connect-timeout -d 'How long connecting to Redis may take [default: 3s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from purge" -l dry-run -d 'Say how many runs would be cancelled (or dead letters deleted) and change nothing'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from purge" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from purge" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from purge" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from purge" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from purge" -l tls-insecure -d 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from purge" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from purge" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from retry" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from retry" -l log-format -d 'Log lines on stderr: text, or one JSON object per line (for log collectors)' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line: timestamp (RFC 3339), level, message, fields'"
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from retry" -l environment -d 'Deployment environment [env: TARTARUS_ENV]' -r -f -a "development\t'REDIS_ADDR defaults to localhost:6379; "" selects the in-memory store'
production\t'REDIS_ADDR is required and Redis must answer; no in-memory store'"
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from retry" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from retry" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from retry" -l cell -d 'The cell: one deployment\'s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from retry" -l queue-key -d 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from retry" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from retry" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from retry" -l redis-sentinel -d 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from retry" -l redis-cluster -d 'Talk to a Redis Cluster through these nodes, host:port,host:port,… (the slot map is learnt from them; excludes --redis-addr and --redis-sentinel) [env: REDIS_CLUSTER_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from retry" -l redis-sentinel-master -d 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from retry" -l redis-sentinel-username -d 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from retry" -l redis-sentinel-password-file -d 'Read the Sentinels\' own password (not the data nodes\') from this file [env: REDIS_SENTINEL_PASSWORD]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from retry" -l tls-ca-file -d 'PEM file of the CA that signed the servers\' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from retry" -l tls-cert-file -d 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from retry" -l tls-key-file -d 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from retry" -l min-replicas-ack -d 'After each acknowledged write (submit, policy change, cancel, a run\'s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from retry" -l min-replicas-timeout -d 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from retry" -l redis-timeout -d 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from retry" -l redis-connect-timeout -d 'How long connecting to Redis may take [default: 3s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from retry" -l all -d 'Every dead letter'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from retry" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from retry" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from retry" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from retry" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from retry" -l tls-insecure -d 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from retry" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from retry" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from pause" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from pause" -l log-format -d 'Log lines on stderr: text, or one JSON object per line (for log collectors)' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line: timestamp (RFC 3339), level, message, fields'"
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from pause" -l environment -d 'Deployment environment [env: TARTARUS_ENV]' -r -f -a "development\t'REDIS_ADDR defaults to localhost:6379; "" selects the in-memory store'
production\t'REDIS_ADDR is required and Redis must answer; no in-memory store'"
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from pause" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from pause" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from pause" -l cell -d 'The cell: one deployment\'s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from pause" -l queue-key -d 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from pause" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from pause" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from pause" -l redis-sentinel -d 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from pause" -l redis-cluster -d 'Talk to a Redis Cluster through these nodes, host:port,host:port,… (the slot map is learnt from them; excludes --redis-addr and --redis-sentinel) [env: REDIS_CLUSTER_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from pause" -l redis-sentinel-master -d 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from pause" -l redis-sentinel-username -d 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from pause" -l redis-sentinel-password-file -d 'Read the Sentinels\' own password (not the data nodes\') from this file [env: REDIS_SENTINEL_PASSWORD]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from pause" -l tls-ca-file -d 'PEM file of the CA that signed the servers\' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from pause" -l tls-cert-file -d 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from pause" -l tls-key-file -d 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from pause" -l min-replicas-ack -d 'After each acknowledged write (submit, policy change, cancel, a run\'s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from pause" -l min-replicas-timeout -d 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from pause" -l redis-timeout -d 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from pause" -l redis-connect-timeout -d 'How long connecting to Redis may take [default: 3s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from pause" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from pause" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from pause" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from pause" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from pause" -l tls-insecure -d 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from pause" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from pause" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from resume" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from resume" -l log-format -d 'Log lines on stderr: text, or one JSON object per line (for log collectors)' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line: timestamp (RFC 3339), level, message, fields'"
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from resume" -l environment -d 'Deployment environment [env: TARTARUS_ENV]' -r -f -a "development\t'REDIS_ADDR defaults to localhost:6379; "" selects the in-memory store'
production\t'REDIS_ADDR is required and Redis must answer; no in-memory store'"
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from resume" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from resume" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from resume" -l cell -d 'The cell: one deployment\'s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from resume" -l queue-key -d 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from resume" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from resume" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from resume" -l redis-sentinel -d 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from resume" -l redis-cluster -d 'Talk to a Redis Cluster through these nodes, host:port,host:port,… (the slot map is learnt from them; excludes --redis-addr and --redis-sentinel) [env: REDIS_CLUSTER_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from resume" -l redis-sentinel-master -d 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from resume" -l redis-sentinel-username -d 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from resume" -l redis-sentinel-password-file -d 'Read the Sentinels\' own password (not the data nodes\') from this file [env: REDIS_SENTINEL_PASSWORD]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from resume" -l tls-ca-file -d 'PEM file of the CA that signed the servers\' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from resume" -l tls-cert-file -d 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from resume" -l tls-key-file -d 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from resume" -l min-replicas-ack -d 'After each acknowledged write (submit, policy change, cancel, a run\'s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from resume" -l min-replicas-timeout -d 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from resume" -l redis-timeout -d 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from resume" -l redis-connect-timeout -d 'How long connecting to Redis may take [default: 3s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from resume" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from resume" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from resume" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from resume" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from resume" -l tls-insecure -d 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from resume" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from resume" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from help" -f -a "stats" -d 'Depth, in-flight, pending and dead counts, pause state and runs per state (all O(1))'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the entries of one Acheron list, a page at a time'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from help" -f -a "peek" -d 'The next runs a scheduler would claim, with their names'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from help" -f -a "purge" -d 'Empty a list: queued, leased and pending runs are cancelled; dead letters are deleted with their data'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from help" -f -a "retry" -d 'Send dead letters back to the queue (attempts reset)'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from help" -f -a "pause" -d 'Stop schedulers from claiming (submissions still queue up)'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from help" -f -a "resume" -d 'Let schedulers claim again'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and not __fish_seen_subcommand_from register list get label drain remove help" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and not __fish_seen_subcommand_from register list get label drain remove help" -l log-format -d 'Log lines on stderr: text, or one JSON object per line (for log collectors)' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line: timestamp (RFC 3339), level, message, fields'"
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and not __fish_seen_subcommand_from register list get label drain remove help" -l environment -d 'Deployment environment [env: TARTARUS_ENV]' -r -f -a "development\t'REDIS_ADDR defaults to localhost:6379; "" selects the in-memory store'
production\t'REDIS_ADDR is required and Redis must answer; no in-memory store'"
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and not __fish_seen_subcommand_from register list get label drain remove help" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and not __fish_seen_subcommand_from register list get label drain remove help" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and not __fish_seen_subcommand_from register list get label drain remove help" -l cell -d 'The cell: one deployment\'s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and not __fish_seen_subcommand_from register list get label drain remove help" -l queue-key -d 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and not __fish_seen_subcommand_from register list get label drain remove help" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and not __fish_seen_subcommand_from register list get label drain remove help" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and not __fish_seen_subcommand_from register list get label drain remove help" -l redis-sentinel -d 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and not __fish_seen_subcommand_from register list get label drain remove help" -l redis-cluster -d 'Talk to a Redis Cluster through these nodes, host:port,host:port,… (the slot map is learnt from them; excludes --redis-addr and --redis-sentinel) [env: REDIS_CLUSTER_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and not __fish_seen_subcommand_from register list get label drain remove help" -l redis-sentinel-master -d 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and not __fish_seen_subcommand_from register list get label drain remove help" -l redis-sentinel-username -d 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and not __fish_seen_subcommand_from register list get label drain remove help" -l redis-sentinel-password-file -d 'Read the Sentinels\' own password (not the data nodes\') from this file [env: REDIS_SENTINEL_PASSWORD]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and not __fish_seen_subcommand_from register list get label drain remove help" -l tls-ca-file -d 'PEM file of the CA that signed the servers\' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and not __fish_seen_subcommand_from register list get label drain remove help" -l tls-cert-file -d 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and not __fish_seen_subcommand_from register list get label drain remove help" -l tls-key-file -d 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and not __fish_seen_subcommand_from register list get label drain remove help" -l min-replicas-ack -d 'After each acknowledged write (submit, policy change, cancel, a run\'s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and not __fish_seen_subcommand_from register list get label drain remove help" -l min-replicas-timeout -d 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and not __fish_seen_subcommand_from register list get label drain remove help" -l redis-timeout -d 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and not __fish_seen_subcommand_from register list get label drain remove help" -l redis-connect-timeout -d 'How long connecting to Redis may take [default: 3s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and not __fish_seen_subcommand_from register list get label drain remove help" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and not __fish_seen_subcommand_from register list get label drain remove help" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and not __fish_seen_subcommand_from register list get label drain remove help" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and not __fish_seen_subcommand_from register list get label drain remove help" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and not __fish_seen_subcommand_from register list get label drain remove help" -l tls-insecure -d 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and not __fish_seen_subcommand_from register list get label drain remove help" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and not __fish_seen_subcommand_from register list get label drain remove help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and not __fish_seen_subcommand_from register list get label drain remove help" -f -a "register" -d 'Send one heartbeat for a node (for scripts; agents heartbeat on their own)'
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and not __fish_seen_subcommand_from register list get label drain remove help" -f -a "list" -d 'Every known node: alive or expired, pools, capacity, usage, heartbeat age'
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and not __fish_seen_subcommand_from register list get label drain remove help" -f -a "get" -d 'One node with the runs placed on it'
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and not __fish_seen_subcommand_from register list get label drain remove help" -f -a "label" -d 'Set labels (k=v) or remove them (k-) on a live node'
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and not __fish_seen_subcommand_from register list get label drain remove help" -f -a "drain" -d 'Stop placing new work on a node (`--undo` to resume)'
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and not __fish_seen_subcommand_from register list get label drain remove help" -f -a "remove" -d 'Forget a node; its runs are requeued (or dead-lettered after too many attempts)'
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and not __fish_seen_subcommand_from register list get label drain remove help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from register" -l labels -d 'Labels k=v,k=v (defaults to $HADES_LABEL, e.g. HADES_LABEL="tartarus.io/typhon=true")' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from register" -l cpu -d 'CPU capacity: cores or millicores' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from register" -l memory -d 'Memory capacity' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from register" -l gpu -d 'GPUs' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from register" -l slots -d 'Concurrent sandboxes' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from register" -l ttl -d 'How long the heartbeat is valid' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from register" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from register" -l log-format -d 'Log lines on stderr: text, or one JSON object per line (for log collectors)' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line: timestamp (RFC 3339), level, message, fields'"
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from register" -l environment -d 'Deployment environment [env: TARTARUS_ENV]' -r -f -a "development\t'REDIS_ADDR defaults to localhost:6379; "" selects the in-memory store'
production\t'REDIS_ADDR is required and Redis must answer; no in-memory store'"
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from register" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from register" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from register" -l cell -d 'The cell: one deployment\'s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from register" -l queue-key -d 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from register" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from register" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from register" -l redis-sentinel -d 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from register" -l redis-cluster -d 'Talk to a Redis Cluster through these nodes, host:port,host:port,… (the slot map is learnt from them; excludes --redis-addr and --redis-sentinel) [env: REDIS_CLUSTER_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from register" -l redis-sentinel-master -d 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from register" -l redis-sentinel-username -d 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from register" -l redis-sentinel-password-file -d 'Read the Sentinels\' own password (not the data nodes\') from this file [env: REDIS_SENTINEL_PASSWORD]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from register" -l tls-ca-file -d 'PEM file of the CA that signed the servers\' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from register" -l tls-cert-file -d 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from register" -l tls-key-file -d 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from register" -l min-replicas-ack -d 'After each acknowledged write (submit, policy change, cancel, a run\'s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from register" -l min-replicas-timeout -d 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from register" -l redis-timeout -d 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from register" -l redis-connect-timeout -d 'How long connecting to Redis may take [default: 3s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from register" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from register" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from register" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from register" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from register" -l tls-insecure -d 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from register" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from register" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from list" -l log-format -d 'Log lines on stderr: text, or one JSON object per line (for log collectors)' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line: timestamp (RFC 3339), level, message, fields'"
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from list" -l environment -d 'Deployment environment [env: TARTARUS_ENV]' -r -f -a "development\t'REDIS_ADDR defaults to localhost:6379; "" selects the in-memory store'
production\t'REDIS_ADDR is required and Redis must answer; no in-memory store'"
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from list" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from list" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from list" -l cell -d 'The cell: one deployment\'s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from list" -l queue-key -d 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from list" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from list" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from list" -l redis-sentinel -d 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from list" -l redis-cluster -d 'Talk to a Redis Cluster through these nodes, host:port,host:port,… (the slot map is learnt from them; excludes --redis-addr and --redis-sentinel) [env: REDIS_CLUSTER_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from list" -l redis-sentinel-master -d 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from list" -l redis-sentinel-username -d 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from list" -l redis-sentinel-password-file -d 'Read the Sentinels\' own password (not the data nodes\') from this file [env: REDIS_SENTINEL_PASSWORD]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from list" -l tls-ca-file -d 'PEM file of the CA that signed the servers\' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from list" -l tls-cert-file -d 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from list" -l tls-key-file -d 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from list" -l min-replicas-ack -d 'After each acknowledged write (submit, policy change, cancel, a run\'s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from list" -l min-replicas-timeout -d 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from list" -l redis-timeout -d 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from list" -l redis-connect-timeout -d 'How long connecting to Redis may take [default: 3s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from list" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from list" -l tls-insecure -d 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from list" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from get" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from get" -l log-format -d 'Log lines on stderr: text, or one JSON object per line (for log collectors)' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line: timestamp (RFC 3339), level, message, fields'"
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from get" -l environment -d 'Deployment environment [env: TARTARUS_ENV]' -r -f -a "development\t'REDIS_ADDR defaults to localhost:6379; "" selects the in-memory store'
production\t'REDIS_ADDR is required and Redis must answer; no in-memory store'"
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from get" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from get" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from get" -l cell -d 'The cell: one deployment\'s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from get" -l queue-key -d 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from get" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from get" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from get" -l redis-sentinel -d 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from get" -l redis-cluster -d 'Talk to a Redis Cluster through these nodes, host:port,host:port,… (the slot map is learnt from them; excludes --redis-addr and --redis-sentinel) [env: REDIS_CLUSTER_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from get" -l redis-sentinel-master -d 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from get" -l redis-sentinel-username -d 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from get" -l redis-sentinel-password-file -d 'Read the Sentinels\' own password (not the data nodes\') from this file [env: REDIS_SENTINEL_PASSWORD]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from get" -l tls-ca-file -d 'PEM file of the CA that signed the servers\' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from get" -l tls-cert-file -d 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from get" -l tls-key-file -d 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from get" -l min-replicas-ack -d 'After each acknowledged write (submit, policy change, cancel, a run\'s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from get" -l min-replicas-timeout -d 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from get" -l redis-timeout -d 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from get" -l redis-connect-timeout -d 'How long connecting to Redis may take [default: 3s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from get" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from get" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from get" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from get" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from get" -l tls-insecure -d 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from get" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from label" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from label" -l log-format -d 'Log lines on stderr: text, or one JSON object per line (for log collectors)' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line: timestamp (RFC 3339), level, message, fields'"
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from label" -l environment -d 'Deployment environment [env: TARTARUS_ENV]' -r -f -a "development\t'REDIS_ADDR defaults to localhost:6379; "" selects the in-memory store'
production\t'REDIS_ADDR is required and Redis must answer; no in-memory store'"
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from label" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from label" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from label" -l cell -d 'The cell: one deployment\'s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from label" -l queue-key -d 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from label" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from label" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from label" -l redis-sentinel -d 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from label" -l redis-cluster -d 'Talk to a Redis Cluster through these nodes, host:port,host:port,… (the slot map is learnt from them; excludes --redis-addr and --redis-sentinel) [env: REDIS_CLUSTER_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from label" -l redis-sentinel-master -d 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from label" -l redis-sentinel-username -d 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from label" -l redis-sentinel-password-file -d 'Read the Sentinels\' own password (not the data nodes\') from this file [env: REDIS_SENTINEL_PASSWORD]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from label" -l tls-ca-file -d 'PEM file of the CA that signed the servers\' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from label" -l tls-cert-file -d 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from label" -l tls-key-file -d 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from label" -l min-replicas-ack -d 'After each acknowledged write (submit, policy change, cancel, a run\'s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from label" -l min-replicas-timeout -d 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from label" -l redis-timeout -d 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from label" -l redis-connect-timeout -d 'How long connecting to Redis may take [default: 3s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from label" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from label" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from label" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from label" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from label" -l tls-insecure -d 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from label" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from label" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from drain" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from drain" -l log-format -d 'Log lines on stderr: text, or one JSON object per line (for log collectors)' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line: timestamp (RFC 3339), level, message, fields'"
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from drain" -l environment -d 'Deployment environment [env: TARTARUS_ENV]' -r -f -a "development\t'REDIS_ADDR defaults to localhost:6379; "" selects the in-memory store'
production\t'REDIS_ADDR is required and Redis must answer; no in-memory store'"
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from drain" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from drain" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from drain" -l cell -d 'The cell: one deployment\'s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from drain" -l queue-key -d 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from drain" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from drain" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from drain" -l redis-sentinel -d 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from drain" -l redis-cluster -d 'Talk to a Redis Cluster through these nodes, host:port,host:port,… (the slot map is learnt from them; excludes --redis-addr and --redis-sentinel) [env: REDIS_CLUSTER_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from drain" -l redis-sentinel-master -d 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from drain" -l redis-sentinel-username -d 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from drain" -l redis-sentinel-password-file -d 'Read the Sentinels\' own password (not the data nodes\') from this file [env: REDIS_SENTINEL_PASSWORD]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from drain" -l tls-ca-file -d 'PEM file of the CA that signed the servers\' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from drain" -l tls-cert-file -d 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from drain" -l tls-key-file -d 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from drain" -l min-replicas-ack -d 'After each acknowledged write (submit, policy change, cancel, a run\'s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from drain" -l min-replicas-timeout -d 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from drain" -l redis-timeout -d 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from drain" -l redis-connect-timeout -d 'How long connecting to Redis may take [default: 3s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from drain" -l undo -d 'Take new work again'
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from drain" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from drain" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from drain" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from drain" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from drain" -l tls-insecure -d 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from drain" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from drain" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from remove" -l max-attempts -d 'Attempts after which one of its runs is dead-lettered instead of requeued' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from remove" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from remove" -l log-format -d 'Log lines on stderr: text, or one JSON object per line (for log collectors)' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line: timestamp (RFC 3339), level, message, fields'"
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from remove" -l environment -d 'Deployment environment [env: TARTARUS_ENV]' -r -f -a "development\t'REDIS_ADDR defaults to localhost:6379; "" selects the in-memory store'
production\t'REDIS_ADDR is required and Redis must answer; no in-memory store'"
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from remove" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from remove" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from remove" -l cell -d 'The cell: one deployment\'s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from remove" -l queue-key -d 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from remove" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from remove" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from remove" -l redis-sentinel -d 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from remove" -l redis-cluster -d 'Talk to a Redis Cluster through these nodes, host:port,host:port,… (the slot map is learnt from them; excludes --redis-addr and --redis-sentinel) [env: REDIS_CLUSTER_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from remove" -l redis-sentinel-master -d 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from remove" -l redis-sentinel-username -d 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from remove" -l redis-sentinel-password-file -d 'Read the Sentinels\' own password (not the data nodes\') from this file [env: REDIS_SENTINEL_PASSWORD]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from remove" -l tls-ca-file -d 'PEM file of the CA that signed the servers\' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from remove" -l tls-cert-file -d 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from remove" -l tls-key-file -d 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from remove" -l min-replicas-ack -d 'After each acknowledged write (submit, policy change, cancel, a run\'s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from remove" -l min-replicas-timeout -d 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from remove" -l redis-timeout -d 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from remove" -l redis-connect-timeout -d 'How long connecting to Redis may take [default: 3s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from remove" -l dry-run -d 'Say which runs would be requeued and which dead-lettered, and change nothing'
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from remove" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from remove" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from remove" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from remove" -l tls-insecure -d 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from remove" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from help" -f -a "register" -d 'Send one heartbeat for a node (for scripts; agents heartbeat on their own)'
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from help" -f -a "list" -d 'Every known node: alive or expired, pools, capacity, usage, heartbeat age'
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from help" -f -a "get" -d 'One node with the runs placed on it'
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from help" -f -a "label" -d 'Set labels (k=v) or remove them (k-) on a live node'
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from help" -f -a "drain" -d 'Stop placing new work on a node (`--undo` to resume)'
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Forget a node; its runs are requeued (or dead-lettered after too many attempts)'
complete -c tartarus -n "__fish_tartarus_using_subcommand node; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and not __fish_seen_subcommand_from apply list get delete history rollback test help" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and not __fish_seen_subcommand_from apply list get delete history rollback test help" -l log-format -d 'Log lines on stderr: text, or one JSON object per line (for log collectors)' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line: timestamp (RFC 3339), level, message, fields'"
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and not __fish_seen_subcommand_from apply list get delete history rollback test help" -l environment -d 'Deployment environment [env: TARTARUS_ENV]' -r -f -a "development\t'REDIS_ADDR defaults to localhost:6379; "" selects the in-memory store'
production\t'REDIS_ADDR is required and Redis must answer; no in-memory store'"
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and not __fish_seen_subcommand_from apply list get delete history rollback test help" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and not __fish_seen_subcommand_from apply list get delete history rollback test help" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and not __fish_seen_subcommand_from apply list get delete history rollback test help" -l cell -d 'The cell: one deployment\'s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and not __fish_seen_subcommand_from apply list get delete history rollback test help" -l queue-key -d 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and not __fish_seen_subcommand_from apply list get delete history rollback test help" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and not __fish_seen_subcommand_from apply list get delete history rollback test help" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and not __fish_seen_subcommand_from apply list get delete history rollback test help" -l redis-sentinel -d 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and not __fish_seen_subcommand_from apply list get delete history rollback test help" -l redis-cluster -d 'Talk to a Redis Cluster through these nodes, host:port,host:port,… (the slot map is learnt from them; excludes --redis-addr and --redis-sentinel) [env: REDIS_CLUSTER_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and not __fish_seen_subcommand_from apply list get delete history rollback test help" -l redis-sentinel-master -d 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and not __fish_seen_subcommand_from apply list get delete history rollback test help" -l redis-sentinel-username -d 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and not __fish_seen_subcommand_from apply list get delete history rollback test help" -l redis-sentinel-password-file -d 'Read the Sentinels\' own password (not the data nodes\') from this file [env: REDIS_SENTINEL_PASSWORD]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and not __fish_seen_subcommand_from apply list get delete history rollback test help" -l tls-ca-file -d 'PEM file of the CA that signed the servers\' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and not __fish_seen_subcommand_from apply list get delete history rollback test help" -l tls-cert-file -d 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and not __fish_seen_subcommand_from apply list get delete history rollback test help" -l tls-key-file -d 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and not __fish_seen_subcommand_from apply list get delete history rollback test help" -l min-replicas-ack -d 'After each acknowledged write (submit, policy change, cancel, a run\'s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and not __fish_seen_subcommand_from apply list get delete history rollback test help" -l min-replicas-timeout -d 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and not __fish_seen_subcommand_from apply list get delete history rollback test help" -l redis-timeout -d 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and not __fish_seen_subcommand_from apply list get delete history rollback test help" -l redis-connect-timeout -d 'How long connecting to Redis may take [default: 3s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and not __fish_seen_subcommand_from apply list get delete history rollback test help" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and not __fish_seen_subcommand_from apply list get delete history rollback test help" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and not __fish_seen_subcommand_from apply list get delete history rollback test help" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and not __fish_seen_subcommand_from apply list get delete history rollback test help" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and not __fish_seen_subcommand_from apply list get delete history rollback test help" -l tls-insecure -d 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and not __fish_seen_subcommand_from apply list get delete history rollback test help" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and not __fish_seen_subcommand_from apply list get delete history rollback test help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and not __fish_seen_subcommand_from apply list get delete history rollback test help" -f -a "apply" -d 'Validate and store policies from a YAML file (one bad document applies nothing); an unchanged set is reported as such and bumps nothing'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and not __fish_seen_subcommand_from apply list get delete history rollback test help" -f -a "list" -d 'Stored policies with their mode and rule count'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and not __fish_seen_subcommand_from apply list get delete history rollback test help" -f -a "get" -d 'One stored policy as YAML/JSON'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and not __fish_seen_subcommand_from apply list get delete history rollback test help" -f -a "delete" -d 'Delete policies (one version bump)'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and not __fish_seen_subcommand_from apply list get delete history rollback test help" -f -a "history" -d 'Changes, newest first: version, time, who, what'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and not __fish_seen_subcommand_from apply list get delete history rollback test help" -f -a "rollback" -d 'Restore the policy set as it stood after version N (recorded as a new version)'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and not __fish_seen_subcommand_from apply list get delete history rollback test help" -f -a "test" -d 'Judge a sandbox file against the stored policies (or --policies FILE, offline) and explain the verdict; exits 0 allow, 20 deny, 21 quarantine'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and not __fish_seen_subcommand_from apply list get delete history rollback test help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from apply" -s f -l file -d 'Policy file, one or more documents (`-` reads stdin)' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from apply" -l who -d 'Name recorded in the history [default: $TARTARUS_WHO, else the OS user]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from apply" -l max-file-size -d 'Largest input file (`64Mi`, `1Gi`; at most 4Gi)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from apply" -l max-documents -d 'Most documents in one input file (at most 1000000)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from apply" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from apply" -l log-format -d 'Log lines on stderr: text, or one JSON object per line (for log collectors)' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line: timestamp (RFC 3339), level, message, fields'"
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from apply" -l environment -d 'Deployment environment [env: TARTARUS_ENV]' -r -f -a "development\t'REDIS_ADDR defaults to localhost:6379; "" selects the in-memory store'
production\t'REDIS_ADDR is required and Redis must answer; no in-memory store'"
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from apply" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from apply" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from apply" -l cell -d 'The cell: one deployment\'s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from apply" -l queue-key -d 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from apply" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from apply" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from apply" -l redis-sentinel -d 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from apply" -l redis-cluster -d 'Talk to a Redis Cluster through these nodes, host:port,host:port,… (the slot map is learnt from them; excludes --redis-addr and --redis-sentinel) [env: REDIS_CLUSTER_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from apply" -l redis-sentinel-master -d 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from apply" -l redis-sentinel-username -d 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from apply" -l redis-sentinel-password-file -d 'Read the Sentinels\' own password (not the data nodes\') from this file [env: REDIS_SENTINEL_PASSWORD]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from apply" -l tls-ca-file -d 'PEM file of the CA that signed the servers\' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from apply" -l tls-cert-file -d 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from apply" -l tls-key-file -d 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from apply" -l min-replicas-ack -d 'After each acknowledged write (submit, policy change, cancel, a run\'s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from apply" -l min-replicas-timeout -d 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from apply" -l redis-timeout -d 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from apply" -l redis-connect-timeout -d 'How long connecting to Redis may take [default: 3s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from apply" -l dry-run -d 'Print what would change (policy names and a diff of their documents) and write nothing'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from apply" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from apply" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from apply" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from apply" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from apply" -l tls-insecure -d 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from apply" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from apply" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from list" -l log-format -d 'Log lines on stderr: text, or one JSON object per line (for log collectors)' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line: timestamp (RFC 3339), level, message, fields'"
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from list" -l environment -d 'Deployment environment [env: TARTARUS_ENV]' -r -f -a "development\t'REDIS_ADDR defaults to localhost:6379; "" selects the in-memory store'
production\t'REDIS_ADDR is required and Redis must answer; no in-memory store'"
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from list" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from list" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from list" -l cell -d 'The cell: one deployment\'s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from list" -l queue-key -d 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from list" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from list" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from list" -l redis-sentinel -d 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from list" -l redis-cluster -d 'Talk to a Redis Cluster through these nodes, host:port,host:port,… (the slot map is learnt from them; excludes --redis-addr and --redis-sentinel) [env: REDIS_CLUSTER_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from list" -l redis-sentinel-master -d 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from list" -l redis-sentinel-username -d 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from list" -l redis-sentinel-password-file -d 'Read the Sentinels\' own password (not the data nodes\') from this file [env: REDIS_SENTINEL_PASSWORD]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from list" -l tls-ca-file -d 'PEM file of the CA that signed the servers\' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from list" -l tls-cert-file -d 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from list" -l tls-key-file -d 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from list" -l min-replicas-ack -d 'After each acknowledged write (submit, policy change, cancel, a run\'s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from list" -l min-replicas-timeout -d 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from list" -l redis-timeout -d 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from list" -l redis-connect-timeout -d 'How long connecting to Redis may take [default: 3s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from list" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from list" -l tls-insecure -d 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from list" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from get" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from get" -l log-format -d 'Log lines on stderr: text, or one JSON object per line (for log collectors)' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line: timestamp (RFC 3339), level, message, fields'"
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from get" -l environment -d 'Deployment environment [env: TARTARUS_ENV]' -r -f -a "development\t'REDIS_ADDR defaults to localhost:6379; "" selects the in-memory store'
production\t'REDIS_ADDR is required and Redis must answer; no in-memory store'"
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from get" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from get" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from get" -l cell -d 'The cell: one deployment\'s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from get" -l queue-key -d 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from get" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from get" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from get" -l redis-sentinel -d 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from get" -l redis-cluster -d 'Talk to a Redis Cluster through these nodes, host:port,host:port,… (the slot map is learnt from them; excludes --redis-addr and --redis-sentinel) [env: REDIS_CLUSTER_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from get" -l redis-sentinel-master -d 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from get" -l redis-sentinel-username -d 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from get" -l redis-sentinel-password-file -d 'Read the Sentinels\' own password (not the data nodes\') from this file [env: REDIS_SENTINEL_PASSWORD]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from get" -l tls-ca-file -d 'PEM file of the CA that signed the servers\' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from get" -l tls-cert-file -d 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from get" -l tls-key-file -d 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from get" -l min-replicas-ack -d 'After each acknowledged write (submit, policy change, cancel, a run\'s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from get" -l min-replicas-timeout -d 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from get" -l redis-timeout -d 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from get" -l redis-connect-timeout -d 'How long connecting to Redis may take [default: 3s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from get" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from get" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from get" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from get" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from get" -l tls-insecure -d 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from get" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from delete" -l who -d 'Name recorded in the history [default: $TARTARUS_WHO, else the OS user]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from delete" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from delete" -l log-format -d 'Log lines on stderr: text, or one JSON object per line (for log collectors)' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line: timestamp (RFC 3339), level, message, fields'"
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from delete" -l environment -d 'Deployment environment [env: TARTARUS_ENV]' -r -f -a "development\t'REDIS_ADDR defaults to localhost:6379; "" selects the in-memory store'
production\t'REDIS_ADDR is required and Redis must answer; no in-memory store'"
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from delete" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from delete" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from delete" -l cell -d 'The cell: one deployment\'s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from delete" -l queue-key -d 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from delete" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from delete" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from delete" -l redis-sentinel -d 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from delete" -l redis-cluster -d 'Talk to a Redis Cluster through these nodes, host:port,host:port,… (the slot map is learnt from them; excludes --redis-addr and --redis-sentinel) [env: REDIS_CLUSTER_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from delete" -l redis-sentinel-master -d 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from delete" -l redis-sentinel-username -d 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from delete" -l redis-sentinel-password-file -d 'Read the Sentinels\' own password (not the data nodes\') from this file [env: REDIS_SENTINEL_PASSWORD]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from delete" -l tls-ca-file -d 'PEM file of the CA that signed the servers\' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from delete" -l tls-cert-file -d 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from delete" -l tls-key-file -d 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from delete" -l min-replicas-ack -d 'After each acknowledged write (submit, policy change, cancel, a run\'s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from delete" -l min-replicas-timeout -d 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from delete" -l redis-timeout -d 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from delete" -l redis-connect-timeout -d 'How long connecting to Redis may take [default: 3s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from delete" -l dry-run -d 'Print what would change (policy names and a diff of their documents) and write nothing'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from delete" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from delete" -l tls-insecure -d 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from delete" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from history" -l limit -d 'Most changes to show' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from history" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from history" -l log-format -d 'Log lines on stderr: text, or one JSON object per line (for log collectors)' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line: timestamp (RFC 3339), level, message, fields'"
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from history" -l environment -d 'Deployment environment [env: TARTARUS_ENV]' -r -f -a "development\t'REDIS_ADDR defaults to localhost:6379; "" selects the in-memory store'
production\t'REDIS_ADDR is required and Redis must answer; no in-memory store'"
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from history" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from history" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from history" -l cell -d 'The cell: one deployment\'s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from history" -l queue-key -d 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from history" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from history" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from history" -l redis-sentinel -d 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from history" -l redis-cluster -d 'Talk to a Redis Cluster through these nodes, host:port,host:port,… (the slot map is learnt from them; excludes --redis-addr and --redis-sentinel) [env: REDIS_CLUSTER_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from history" -l redis-sentinel-master -d 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from history" -l redis-sentinel-username -d 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from history" -l redis-sentinel-password-file -d 'Read the Sentinels\' own password (not the data nodes\') from this file [env: REDIS_SENTINEL_PASSWORD]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from history" -l tls-ca-file -d 'PEM file of the CA that signed the servers\' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from history" -l tls-cert-file -d 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from history" -l tls-key-file -d 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from history" -l min-replicas-ack -d 'After each acknowledged write (submit, policy change, cancel, a run\'s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from history" -l min-replicas-timeout -d 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from history" -l redis-timeout -d 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from history" -l redis-connect-timeout -d 'How long connecting to Redis may take [default: 3s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from history" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from history" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from history" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from history" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from history" -l tls-insecure -d 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from history" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from history" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from rollback" -l to-version -d 'The version whose policy set comes back (see `policy history`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from rollback" -l who -d 'Name recorded in the history [default: $TARTARUS_WHO, else the OS user]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from rollback" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from rollback" -l log-format -d 'Log lines on stderr: text, or one JSON object per line (for log collectors)' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line: timestamp (RFC 3339), level, message, fields'"
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from rollback" -l environment -d 'Deployment environment [env: TARTARUS_ENV]' -r -f -a "development\t'REDIS_ADDR defaults to localhost:6379; "" selects the in-memory store'
production\t'REDIS_ADDR is required and Redis must answer; no in-memory store'"
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from rollback" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from rollback" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from rollback" -l cell -d 'The cell: one deployment\'s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from rollback" -l queue-key -d 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from rollback" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from rollback" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from rollback" -l redis-sentinel -d 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from rollback" -l redis-cluster -d 'Talk to a Redis Cluster through these nodes, host:port,host:port,… (the slot map is learnt from them; excludes --redis-addr and --redis-sentinel) [env: REDIS_CLUSTER_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from rollback" -l redis-sentinel-master -d 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from rollback" -l redis-sentinel-username -d 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from rollback" -l redis-sentinel-password-file -d 'Read the Sentinels\' own password (not the data nodes\') from this file [env: REDIS_SENTINEL_PASSWORD]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from rollback" -l tls-ca-file -d 'PEM file of the CA that signed the servers\' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from rollback" -l tls-cert-file -d 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from rollback" -l tls-key-file -d 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from rollback" -l min-replicas-ack -d 'After each acknowledged write (submit, policy change, cancel, a run\'s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from rollback" -l min-replicas-timeout -d 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from rollback" -l redis-timeout -d 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from rollback" -l redis-connect-timeout -d 'How long connecting to Redis may take [default: 3s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from rollback" -l dry-run -d 'Print what would change (policy names and a diff of their documents) and write nothing'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from rollback" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from rollback" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from rollback" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from rollback" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from rollback" -l tls-insecure -d 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from rollback" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from rollback" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from test" -s f -l file -d 'Sandbox file to judge (`-` reads stdin)' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from test" -l policies -d 'Judge against this policy file instead of the stored set (no Redis needed)' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from test" -l max-file-size -d 'Largest input file (`64Mi`, `1Gi`; at most 4Gi)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from test" -l max-documents -d 'Most documents in one input file (at most 1000000)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from test" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from test" -l log-format -d 'Log lines on stderr: text, or one JSON object per line (for log collectors)' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line: timestamp (RFC 3339), level, message, fields'"
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from test" -l environment -d 'Deployment environment [env: TARTARUS_ENV]' -r -f -a "development\t'REDIS_ADDR defaults to localhost:6379; "" selects the in-memory store'
production\t'REDIS_ADDR is required and Redis must answer; no in-memory store'"
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from test" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from test" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from test" -l cell -d 'The cell: one deployment\'s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from test" -l queue-key -d 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from test" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from test" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from test" -l redis-sentinel -d 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from test" -l redis-cluster -d 'Talk to a Redis Cluster through these nodes, host:port,host:port,… (the slot map is learnt from them; excludes --redis-addr and --redis-sentinel) [env: REDIS_CLUSTER_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from test" -l redis-sentinel-master -d 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from test" -l redis-sentinel-username -d 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from test" -l redis-sentinel-password-file -d 'Read the Sentinels\' own password (not the data nodes\') from this file [env: REDIS_SENTINEL_PASSWORD]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from test" -l tls-ca-file -d 'PEM file of the CA that signed the servers\' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from test" -l tls-cert-file -d 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from test" -l tls-key-file -d 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from test" -l min-replicas-ack -d 'After each acknowledged write (submit, policy change, cancel, a run\'s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from test" -l min-replicas-timeout -d 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from test" -l redis-timeout -d 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from test" -l redis-connect-timeout -d 'How long connecting to Redis may take [default: 3s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from test" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from test" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from test" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from test" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from test" -l tls-insecure -d 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from test" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from test" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "apply" -d 'Validate and store policies from a YAML file (one bad document applies nothing); an unchanged set is reported as such and bumps nothing'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "list" -d 'Stored policies with their mode and rule count'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "get" -d 'One stored policy as YAML/JSON'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete policies (one version bump)'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "history" -d 'Changes, newest first: version, time, who, what'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "rollback" -d 'Restore the policy set as it stood after version N (recorded as a new version)'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "test" -d 'Judge a sandbox file against the stored policies (or --policies FILE, offline) and explain the verdict; exits 0 allow, 20 deny, 21 quarantine'
complete -c tartarus -n "__fish_tartarus_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tartarus -n "__fish_tartarus_using_subcommand scheduler; and not __fish_seen_subcommand_from run help" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand scheduler; and not __fish_seen_subcommand_from run help" -l log-format -d 'Log lines on stderr: text, or one JSON object per line (for log collectors)' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line: timestamp (RFC 3339), level, message, fields'"
complete -c tartarus -n "__fish_tartarus_using_subcommand scheduler; and not __fish_seen_subcommand_from run help" -l environment -d 'Deployment environment [env: TARTARUS_ENV]' -r -f -a "development\t'REDIS_ADDR defaults to localhost:6379; "" selects the in-memory store'
production\t'REDIS_ADDR is required and Redis must answer; no in-memory store'"
complete -c tartarus -n "__fish_tartarus_using_subcommand scheduler; and not __fish_seen_subcommand_from run help" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand scheduler; and not __fish_seen_subcommand_from run help" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand scheduler; and not __fish_seen_subcommand_from run help" -l cell -d 'The cell: one deployment\'s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand scheduler; and not __fish_seen_subcommand_from run help" -l queue-key -d 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand scheduler; and not __fish_seen_subcommand_from run help" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand scheduler; and not __fish_seen_subcommand_from run help" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand scheduler; and not __fish_seen_subcommand_from run help" -l redis-sentinel -d 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand scheduler; and not __fish_seen_subcommand_from run help" -l redis-cluster -d 'Talk to a Redis Cluster through these nodes, host:port,host:port,… (the slot map is learnt from them; excludes --redis-addr and --redis-sentinel) [env: REDIS_CLUSTER_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand scheduler; and not __fish_seen_subcommand_from run help" -l redis-sentinel-master -d 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand scheduler; and not __fish_seen_subcommand_from run help" -l redis-sentinel-username -d 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand scheduler; and not __fish_seen_subcommand_from run help" -l redis-sentinel-password-file -d 'Read the Sentinels\' own password (not the data nodes\') from this file [env: REDIS_SENTINEL_PASSWORD]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand scheduler; and not __fish_seen_subcommand_from run help" -l tls-ca-file -d 'PEM file of the CA that signed the servers\' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand scheduler; and not __fish_seen_subcommand_from run help" -l tls-cert-file -d 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand scheduler; and not __fish_seen_subcommand_from run help" -l tls-key-file -d 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand scheduler; and not __fish_seen_subcommand_from run help" -l min-replicas-ack -d 'After each acknowledged write (submit, policy change, cancel, a run\'s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand scheduler; and not __fish_seen_subcommand_from run help" -l min-replicas-timeout -d 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand scheduler; and not __fish_seen_subcommand_from run help" -l redis-timeout -d 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand scheduler; and not __fish_seen_subcommand_from run help" -l redis-connect-timeout -d 'How long connecting to Redis may take [default: 3s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand scheduler; and not __fish_seen_subcommand_from run help" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand scheduler; and not __fish_seen_subcommand_from run help" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand scheduler; and not __fish_seen_subcommand_from run help" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand scheduler; and not __fish_seen_subcommand_from run help" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand scheduler; and not __fish_seen_subcommand_from run help" -l tls-insecure -d 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand scheduler; and not __fish_seen_subcommand_from run help" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand scheduler; and not __fish_seen_subcommand_from run help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand scheduler; and not __fish_seen_subcommand_from run help" -f -a "run" -d 'Run the scheduler loop until SIGINT/SIGTERM (or, with --once, until the queue is empty)'
complete -c tartarus -n "__fish_tartarus_using_subcommand scheduler; and not __fish_seen_subcommand_from run help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tartarus -n "__fish_tartarus_using_subcommand scheduler; and __fish_seen_subcommand_from run" -l batch -d 'Runs claimed per batch' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand scheduler; and __fish_seen_subcommand_from run" -l lease -d 'Lease on claimed runs (a crashed scheduler\'s runs return after it)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand scheduler; and __fish_seen_subcommand_from run" -l max-attempts -d 'Placements before a run whose node keeps dying is dead-lettered' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand scheduler; and __fish_seen_subcommand_from run" -l retain-finished -d 'Keep finished runs (and their events and agent logs) this long, then delete them; stored as the cell\'s window, which every scheduler and agent follows [stored value, else 7d]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand scheduler; and __fish_seen_subcommand_from run" -l archive-dir -d 'Append every finished run to DIR/<UTC hour>.jsonl (fsynced) before retention deletes it' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand scheduler; and __fish_seen_subcommand_from run" -l metrics-addr -d 'Serve Prometheus metrics at http://HOST:PORT/metrics, with /healthz (alive) and /readyz (Redis answers, policies loaded, node registered) probes; off by default' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand scheduler; and __fish_seen_subcommand_from run" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand scheduler; and __fish_seen_subcommand_from run" -l log-format -d 'Log lines on stderr: text, or one JSON object per line (for log collectors)' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line: timestamp (RFC 3339), level, message, fields'"
complete -c tartarus -n "__fish_tartarus_using_subcommand scheduler; and __fish_seen_subcommand_from run" -l environment -d 'Deployment environment [env: TARTARUS_ENV]' -r -f -a "development\t'REDIS_ADDR defaults to localhost:6379; "" selects the in-memory store'
production\t'REDIS_ADDR is required and Redis must answer; no in-memory store'"
complete -c tartarus -n "__fish_tartarus_using_subcommand scheduler; and __fish_seen_subcommand_from run" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand scheduler; and __fish_seen_subcommand_from run" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand scheduler; and __fish_seen_subcommand_from run" -l cell -d 'The cell: one deployment\'s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand scheduler; and __fish_seen_subcommand_from run" -l queue-key -d 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand scheduler; and __fish_seen_subcommand_from run" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand scheduler; and __fish_seen_subcommand_from run" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand scheduler; and __fish_seen_subcommand_from run" -l redis-sentinel -d 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand scheduler; and __fish_seen_subcommand_from run" -l redis-cluster -d 'Talk to a Redis Cluster through these nodes, host:port,host:port,… (the slot map is learnt from them; excludes --redis-addr and --redis-sentinel) [env: REDIS_CLUSTER_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand scheduler; and __fish_seen_subcommand_from run" -l redis-sentinel-master -d 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand scheduler; and __fish_seen_subcommand_from run" -l redis-sentinel-username -d 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand scheduler; and __fish_seen_subcommand_from run" -l redis-sentinel-password-file -d 'Read the Sentinels\' own password (not the data nodes\') from this file [env: REDIS_SENTINEL_PASSWORD]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand scheduler; and __fish_seen_subcommand_from run" -l tls-ca-file -d 'PEM file of the CA that signed the servers\' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand scheduler; and __fish_seen_subcommand_from run" -l tls-cert-file -d 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand scheduler; and __fish_seen_subcommand_from run" -l tls-key-file -d 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand scheduler; and __fish_seen_subcommand_from run" -l min-replicas-ack -d 'After each acknowledged write (submit, policy change, cancel, a run\'s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand scheduler; and __fish_seen_subcommand_from run" -l min-replicas-timeout -d 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand scheduler; and __fish_seen_subcommand_from run" -l redis-timeout -d 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand scheduler; and __fish_seen_subcommand_from run" -l redis-connect-timeout -d 'How long connecting to Redis may take [default: 3s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand scheduler; and __fish_seen_subcommand_from run" -l once -d 'Drain the queue once and exit (for scripts)'
complete -c tartarus -n "__fish_tartarus_using_subcommand scheduler; and __fish_seen_subcommand_from run" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand scheduler; and __fish_seen_subcommand_from run" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand scheduler; and __fish_seen_subcommand_from run" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand scheduler; and __fish_seen_subcommand_from run" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand scheduler; and __fish_seen_subcommand_from run" -l tls-insecure -d 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand scheduler; and __fish_seen_subcommand_from run" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand scheduler; and __fish_seen_subcommand_from run" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand scheduler; and __fish_seen_subcommand_from help" -f -a "run" -d 'Run the scheduler loop until SIGINT/SIGTERM (or, with --once, until the queue is empty)'
complete -c tartarus -n "__fish_tartarus_using_subcommand scheduler; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and not __fish_seen_subcommand_from run help" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and not __fish_seen_subcommand_from run help" -l log-format -d 'Log lines on stderr: text, or one JSON object per line (for log collectors)' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line: timestamp (RFC 3339), level, message, fields'"
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and not __fish_seen_subcommand_from run help" -l environment -d 'Deployment environment [env: TARTARUS_ENV]' -r -f -a "development\t'REDIS_ADDR defaults to localhost:6379; "" selects the in-memory store'
production\t'REDIS_ADDR is required and Redis must answer; no in-memory store'"
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and not __fish_seen_subcommand_from run help" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and not __fish_seen_subcommand_from run help" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and not __fish_seen_subcommand_from run help" -l cell -d 'The cell: one deployment\'s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and not __fish_seen_subcommand_from run help" -l queue-key -d 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and not __fish_seen_subcommand_from run help" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and not __fish_seen_subcommand_from run help" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and not __fish_seen_subcommand_from run help" -l redis-sentinel -d 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and not __fish_seen_subcommand_from run help" -l redis-cluster -d 'Talk to a Redis Cluster through these nodes, host:port,host:port,… (the slot map is learnt from them; excludes --redis-addr and --redis-sentinel) [env: REDIS_CLUSTER_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and not __fish_seen_subcommand_from run help" -l redis-sentinel-master -d 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and not __fish_seen_subcommand_from run help" -l redis-sentinel-username -d 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and not __fish_seen_subcommand_from run help" -l redis-sentinel-password-file -d 'Read the Sentinels\' own password (not the data nodes\') from this file [env: REDIS_SENTINEL_PASSWORD]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and not __fish_seen_subcommand_from run help" -l tls-ca-file -d 'PEM file of the CA that signed the servers\' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and not __fish_seen_subcommand_from run help" -l tls-cert-file -d 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and not __fish_seen_subcommand_from run help" -l tls-key-file -d 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and not __fish_seen_subcommand_from run help" -l min-replicas-ack -d 'After each acknowledged write (submit, policy change, cancel, a run\'s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and not __fish_seen_subcommand_from run help" -l min-replicas-timeout -d 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and not __fish_seen_subcommand_from run help" -l redis-timeout -d 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and not __fish_seen_subcommand_from run help" -l redis-connect-timeout -d 'How long connecting to Redis may take [default: 3s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and not __fish_seen_subcommand_from run help" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and not __fish_seen_subcommand_from run help" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and not __fish_seen_subcommand_from run help" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and not __fish_seen_subcommand_from run help" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and not __fish_seen_subcommand_from run help" -l tls-insecure -d 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and not __fish_seen_subcommand_from run help" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and not __fish_seen_subcommand_from run help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and not __fish_seen_subcommand_from run help" -f -a "run" -d 'Run an agent for one node until SIGINT/SIGTERM (then drain)'
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and not __fish_seen_subcommand_from run help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and __fish_seen_subcommand_from run" -l name -d 'Node name' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and __fish_seen_subcommand_from run" -l labels -d 'Labels k=v,k=v (default: $HADES_LABEL, e.g. HADES_LABEL="tartarus.io/typhon=true")' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and __fish_seen_subcommand_from run" -l cpu -d 'CPU capacity (cores or millicores)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and __fish_seen_subcommand_from run" -l memory -d 'Memory capacity' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and __fish_seen_subcommand_from run" -l gpu -d 'GPU capacity' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and __fish_seen_subcommand_from run" -l slots -d 'Concurrent sandboxes' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and __fish_seen_subcommand_from run" -l runtime -d 'How sandboxes are isolated' -r -f -a "process\t'A child process: private env and working folder, own process group, rlimits'
bwrap\t'bubblewrap: new namespaces, read-only system, private /tmp, no network unless asked'"
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and __fish_seen_subcommand_from run" -l ttl -d 'Lease (heartbeat validity, renewed every fifth of it). Sandboxes keep running through a Redis outage shorter than about TTL − TTL/5 − 3 s and are killed before it runs out; a dead agent\'s runs are retried elsewhere after it' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and __fish_seen_subcommand_from run" -l poll -d 'How often to look for new work and cancellations' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and __fish_seen_subcommand_from run" -l drain-deadline -d 'On SIGTERM, how long running sandboxes may finish before they are handed back' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and __fish_seen_subcommand_from run" -l max-attempts -d 'Attempts after which a handed-back run is dead-lettered' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and __fish_seen_subcommand_from run" -l work-dir -d 'Folder for the sandboxes\' private working folders (default: <tmp>/tartarus-agent/<name>/work)' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and __fish_seen_subcommand_from run" -l log-dir -d 'Folder for the capped full logs, <run>.log (default: <tmp>/tartarus-agent/<name>/logs)' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and __fish_seen_subcommand_from run" -l state-dir -d 'Local state: the agent\'s supervisor and sandbox pids, so a restarted agent stops what its previous incarnation left running (default: <work-dir>/.state)' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and __fish_seen_subcommand_from run" -l uid-base -d 'When run as root: sandboxes run as uid and gid N + slot index (groups cleared)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and __fish_seen_subcommand_from run" -l image-dir -d 'bwrap: image root filesystems, one folder per image (`alpine:3.20` → DIR/alpine_3.20), used as the sandbox\'s / instead of the host\'s system folders' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and __fish_seen_subcommand_from run" -l env-from-dir -d 'The only folder `envFrom` files are read from: a spec\'s `envFrom.file` must lie inside it (no `..` or symlink out), and it and the file must belong to root or the agent\'s user and not be writable by group or others. Without it, runs with `envFrom` fail' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and __fish_seen_subcommand_from run" -l metrics-addr -d 'Serve Prometheus metrics at http://HOST:PORT/metrics, with /healthz (alive) and /readyz (Redis answers, policies loaded, node registered) probes; off by default' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and __fish_seen_subcommand_from run" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and __fish_seen_subcommand_from run" -l log-format -d 'Log lines on stderr: text, or one JSON object per line (for log collectors)' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line: timestamp (RFC 3339), level, message, fields'"
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and __fish_seen_subcommand_from run" -l environment -d 'Deployment environment [env: TARTARUS_ENV]' -r -f -a "development\t'REDIS_ADDR defaults to localhost:6379; "" selects the in-memory store'
production\t'REDIS_ADDR is required and Redis must answer; no in-memory store'"
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and __fish_seen_subcommand_from run" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and __fish_seen_subcommand_from run" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and __fish_seen_subcommand_from run" -l cell -d 'The cell: one deployment\'s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and __fish_seen_subcommand_from run" -l queue-key -d 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and __fish_seen_subcommand_from run" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and __fish_seen_subcommand_from run" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and __fish_seen_subcommand_from run" -l redis-sentinel -d 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and __fish_seen_subcommand_from run" -l redis-cluster -d 'Talk to a Redis Cluster through these nodes, host:port,host:port,… (the slot map is learnt from them; excludes --redis-addr and --redis-sentinel) [env: REDIS_CLUSTER_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and __fish_seen_subcommand_from run" -l redis-sentinel-master -d 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and __fish_seen_subcommand_from run" -l redis-sentinel-username -d 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and __fish_seen_subcommand_from run" -l redis-sentinel-password-file -d 'Read the Sentinels\' own password (not the data nodes\') from this file [env: REDIS_SENTINEL_PASSWORD]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and __fish_seen_subcommand_from run" -l tls-ca-file -d 'PEM file of the CA that signed the servers\' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and __fish_seen_subcommand_from run" -l tls-cert-file -d 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and __fish_seen_subcommand_from run" -l tls-key-file -d 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and __fish_seen_subcommand_from run" -l min-replicas-ack -d 'After each acknowledged write (submit, policy change, cancel, a run\'s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and __fish_seen_subcommand_from run" -l min-replicas-timeout -d 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and __fish_seen_subcommand_from run" -l redis-timeout -d 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and __fish_seen_subcommand_from run" -l redis-connect-timeout -d 'How long connecting to Redis may take [default: 3s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and __fish_seen_subcommand_from run" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and __fish_seen_subcommand_from run" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and __fish_seen_subcommand_from run" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and __fish_seen_subcommand_from run" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and __fish_seen_subcommand_from run" -l tls-insecure -d 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and __fish_seen_subcommand_from run" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and __fish_seen_subcommand_from run" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and __fish_seen_subcommand_from help" -f -a "run" -d 'Run an agent for one node until SIGINT/SIGTERM (then drain)'
complete -c tartarus -n "__fish_tartarus_using_subcommand agent; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tartarus -n "__fish_tartarus_using_subcommand up" -l nodes -d 'Local agents to run, as a YAML list (name, labels, cpu, memory, gpu, slots); default: one standard, one phlegethon and one typhon node (see examples/nodes.yaml)' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand up" -l agent -d 'Add a local agent: NAME or NAME:k=v,k=v (repeatable; 4 cpu, 8Gi, 8 slots)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand up" -l runtime -d 'Isolation for the local agents\' sandboxes' -r -f -a "process\t'A child process: private env and working folder, own process group, rlimits'
bwrap\t'bubblewrap: new namespaces, read-only system, private /tmp, no network unless asked'"
complete -c tartarus -n "__fish_tartarus_using_subcommand up" -l env-from-dir -d 'The only folder the local agents read `envFrom` files from (owned by root or you, not writable by group or others); without it, runs with `envFrom` fail' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand up" -l policies -d 'Themis policies to apply first (YAML)' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand up" -l submit -d 'Sandbox file to submit' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand up" -l batch -d 'Runs claimed per batch' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand up" -l lease -d 'Lease on claimed runs (a crashed scheduler\'s runs return after it)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand up" -l max-attempts -d 'Placements before a run whose node keeps dying is dead-lettered' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand up" -l retain-finished -d 'Keep finished runs (and their events and agent logs) this long, then delete them; stored as the cell\'s window, which every scheduler and agent follows [stored value, else 7d]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand up" -l archive-dir -d 'Append every finished run to DIR/<UTC hour>.jsonl (fsynced) before retention deletes it' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand up" -l metrics-addr -d 'Serve Prometheus metrics at http://HOST:PORT/metrics, with /healthz (alive) and /readyz (Redis answers, policies loaded, node registered) probes; off by default' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand up" -l max-file-size -d 'Largest input file (`64Mi`, `1Gi`; at most 4Gi)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand up" -l max-documents -d 'Most documents in one input file (at most 1000000)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand up" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand up" -l log-format -d 'Log lines on stderr: text, or one JSON object per line (for log collectors)' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line: timestamp (RFC 3339), level, message, fields'"
complete -c tartarus -n "__fish_tartarus_using_subcommand up" -l environment -d 'Deployment environment [env: TARTARUS_ENV]' -r -f -a "development\t'REDIS_ADDR defaults to localhost:6379; "" selects the in-memory store'
production\t'REDIS_ADDR is required and Redis must answer; no in-memory store'"
complete -c tartarus -n "__fish_tartarus_using_subcommand up" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand up" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand up" -l cell -d 'The cell: one deployment\'s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand up" -l queue-key -d 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand up" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand up" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand up" -l redis-sentinel -d 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand up" -l redis-cluster -d 'Talk to a Redis Cluster through these nodes, host:port,host:port,… (the slot map is learnt from them; excludes --redis-addr and --redis-sentinel) [env: REDIS_CLUSTER_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand up" -l redis-sentinel-master -d 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand up" -l redis-sentinel-username -d 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand up" -l redis-sentinel-password-file -d 'Read the Sentinels\' own password (not the data nodes\') from this file [env: REDIS_SENTINEL_PASSWORD]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand up" -l tls-ca-file -d 'PEM file of the CA that signed the servers\' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand up" -l tls-cert-file -d 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand up" -l tls-key-file -d 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand up" -l min-replicas-ack -d 'After each acknowledged write (submit, policy change, cancel, a run\'s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand up" -l min-replicas-timeout -d 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand up" -l redis-timeout -d 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand up" -l redis-connect-timeout -d 'How long connecting to Redis may take [default: 3s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand up" -l no-agents -d 'Register the nodes but run no agents: runs are only admitted and placed'
complete -c tartarus -n "__fish_tartarus_using_subcommand up" -l until-idle -d 'Exit when nothing is left to do (every run finished, or waiting for a node that will not come), printing a summary of every submitted run'
complete -c tartarus -n "__fish_tartarus_using_subcommand up" -l exit-code -d 'With --until-idle: exit 0 only when every submitted run succeeded, else with the `sandbox wait` code of the worst run (the highest: 17 left pending, 15 unfinished, 14 dead, 13 denied/rejected, 12 cancelled, 11 timed out, 10 failed). Without it, `up` exits 0 whatever happened to the runs'
complete -c tartarus -n "__fish_tartarus_using_subcommand up" -l once -d 'Drain the queue once and exit (for scripts)'
complete -c tartarus -n "__fish_tartarus_using_subcommand up" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand up" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand up" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand up" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand up" -l tls-insecure -d 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand up" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand up" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand top" -l interval -d 'Time between refreshes (at least 100ms)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand top" -l count -d 'Stop after N snapshots (default: until q, Ctrl-C or SIGTERM)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand top" -l events -d 'How many of the latest events to show' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand top" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand top" -l log-format -d 'Log lines on stderr: text, or one JSON object per line (for log collectors)' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line: timestamp (RFC 3339), level, message, fields'"
complete -c tartarus -n "__fish_tartarus_using_subcommand top" -l environment -d 'Deployment environment [env: TARTARUS_ENV]' -r -f -a "development\t'REDIS_ADDR defaults to localhost:6379; "" selects the in-memory store'
production\t'REDIS_ADDR is required and Redis must answer; no in-memory store'"
complete -c tartarus -n "__fish_tartarus_using_subcommand top" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand top" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand top" -l cell -d 'The cell: one deployment\'s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand top" -l queue-key -d 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand top" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand top" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand top" -l redis-sentinel -d 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand top" -l redis-cluster -d 'Talk to a Redis Cluster through these nodes, host:port,host:port,… (the slot map is learnt from them; excludes --redis-addr and --redis-sentinel) [env: REDIS_CLUSTER_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand top" -l redis-sentinel-master -d 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand top" -l redis-sentinel-username -d 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand top" -l redis-sentinel-password-file -d 'Read the Sentinels\' own password (not the data nodes\') from this file [env: REDIS_SENTINEL_PASSWORD]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand top" -l tls-ca-file -d 'PEM file of the CA that signed the servers\' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand top" -l tls-cert-file -d 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand top" -l tls-key-file -d 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand top" -l min-replicas-ack -d 'After each acknowledged write (submit, policy change, cancel, a run\'s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand top" -l min-replicas-timeout -d 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand top" -l redis-timeout -d 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand top" -l redis-connect-timeout -d 'How long connecting to Redis may take [default: 3s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand top" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand top" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand top" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand top" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand top" -l tls-insecure -d 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand top" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand top" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and not __fish_seen_subcommand_from show help" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and not __fish_seen_subcommand_from show help" -l log-format -d 'Log lines on stderr: text, or one JSON object per line (for log collectors)' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line: timestamp (RFC 3339), level, message, fields'"
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and not __fish_seen_subcommand_from show help" -l environment -d 'Deployment environment [env: TARTARUS_ENV]' -r -f -a "development\t'REDIS_ADDR defaults to localhost:6379; "" selects the in-memory store'
production\t'REDIS_ADDR is required and Redis must answer; no in-memory store'"
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and not __fish_seen_subcommand_from show help" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and not __fish_seen_subcommand_from show help" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and not __fish_seen_subcommand_from show help" -l cell -d 'The cell: one deployment\'s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and not __fish_seen_subcommand_from show help" -l queue-key -d 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and not __fish_seen_subcommand_from show help" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and not __fish_seen_subcommand_from show help" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and not __fish_seen_subcommand_from show help" -l redis-sentinel -d 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and not __fish_seen_subcommand_from show help" -l redis-cluster -d 'Talk to a Redis Cluster through these nodes, host:port,host:port,… (the slot map is learnt from them; excludes --redis-addr and --redis-sentinel) [env: REDIS_CLUSTER_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and not __fish_seen_subcommand_from show help" -l redis-sentinel-master -d 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and not __fish_seen_subcommand_from show help" -l redis-sentinel-username -d 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and not __fish_seen_subcommand_from show help" -l redis-sentinel-password-file -d 'Read the Sentinels\' own password (not the data nodes\') from this file [env: REDIS_SENTINEL_PASSWORD]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and not __fish_seen_subcommand_from show help" -l tls-ca-file -d 'PEM file of the CA that signed the servers\' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and not __fish_seen_subcommand_from show help" -l tls-cert-file -d 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and not __fish_seen_subcommand_from show help" -l tls-key-file -d 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and not __fish_seen_subcommand_from show help" -l min-replicas-ack -d 'After each acknowledged write (submit, policy change, cancel, a run\'s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and not __fish_seen_subcommand_from show help" -l min-replicas-timeout -d 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and not __fish_seen_subcommand_from show help" -l redis-timeout -d 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and not __fish_seen_subcommand_from show help" -l redis-connect-timeout -d 'How long connecting to Redis may take [default: 3s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and not __fish_seen_subcommand_from show help" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and not __fish_seen_subcommand_from show help" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and not __fish_seen_subcommand_from show help" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and not __fish_seen_subcommand_from show help" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and not __fish_seen_subcommand_from show help" -l tls-insecure -d 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and not __fish_seen_subcommand_from show help" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and not __fish_seen_subcommand_from show help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and not __fish_seen_subcommand_from show help" -f -a "show" -d 'Print every setting, its value and its source (flag, env, url, store, default); the password is redacted, and a setting that is not set is null (JSON) or `-` (table). Cell settings kept in Redis (the retention window, `retain_finished_ms`) are read from the store (null, with a warning, when it cannot be reached)'
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and not __fish_seen_subcommand_from show help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and __fish_seen_subcommand_from show" -l log-format -d 'Log lines on stderr: text, or one JSON object per line (for log collectors)' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line: timestamp (RFC 3339), level, message, fields'"
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and __fish_seen_subcommand_from show" -l environment -d 'Deployment environment [env: TARTARUS_ENV]' -r -f -a "development\t'REDIS_ADDR defaults to localhost:6379; "" selects the in-memory store'
production\t'REDIS_ADDR is required and Redis must answer; no in-memory store'"
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and __fish_seen_subcommand_from show" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and __fish_seen_subcommand_from show" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and __fish_seen_subcommand_from show" -l cell -d 'The cell: one deployment\'s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and __fish_seen_subcommand_from show" -l queue-key -d 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and __fish_seen_subcommand_from show" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and __fish_seen_subcommand_from show" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and __fish_seen_subcommand_from show" -l redis-sentinel -d 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and __fish_seen_subcommand_from show" -l redis-cluster -d 'Talk to a Redis Cluster through these nodes, host:port,host:port,… (the slot map is learnt from them; excludes --redis-addr and --redis-sentinel) [env: REDIS_CLUSTER_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and __fish_seen_subcommand_from show" -l redis-sentinel-master -d 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and __fish_seen_subcommand_from show" -l redis-sentinel-username -d 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and __fish_seen_subcommand_from show" -l redis-sentinel-password-file -d 'Read the Sentinels\' own password (not the data nodes\') from this file [env: REDIS_SENTINEL_PASSWORD]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and __fish_seen_subcommand_from show" -l tls-ca-file -d 'PEM file of the CA that signed the servers\' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and __fish_seen_subcommand_from show" -l tls-cert-file -d 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and __fish_seen_subcommand_from show" -l tls-key-file -d 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and __fish_seen_subcommand_from show" -l min-replicas-ack -d 'After each acknowledged write (submit, policy change, cancel, a run\'s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and __fish_seen_subcommand_from show" -l min-replicas-timeout -d 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and __fish_seen_subcommand_from show" -l redis-timeout -d 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and __fish_seen_subcommand_from show" -l redis-connect-timeout -d 'How long connecting to Redis may take [default: 3s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and __fish_seen_subcommand_from show" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and __fish_seen_subcommand_from show" -l tls-insecure -d 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and __fish_seen_subcommand_from show" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "show" -d 'Print every setting, its value and its source (flag, env, url, store, default); the password is redacted, and a setting that is not set is null (JSON) or `-` (table). Cell settings kept in Redis (the retention window, `retain_finished_ms`) are read from the store (null, with a warning, when it cannot be reached)'
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and not __fish_seen_subcommand_from health configure help" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and not __fish_seen_subcommand_from health configure help" -l log-format -d 'Log lines on stderr: text, or one JSON object per line (for log collectors)' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line: timestamp (RFC 3339), level, message, fields'"
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and not __fish_seen_subcommand_from health configure help" -l environment -d 'Deployment environment [env: TARTARUS_ENV]' -r -f -a "development\t'REDIS_ADDR defaults to localhost:6379; "" selects the in-memory store'
production\t'REDIS_ADDR is required and Redis must answer; no in-memory store'"
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and not __fish_seen_subcommand_from health configure help" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and not __fish_seen_subcommand_from health configure help" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and not __fish_seen_subcommand_from health configure help" -l cell -d 'The cell: one deployment\'s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and not __fish_seen_subcommand_from health configure help" -l queue-key -d 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and not __fish_seen_subcommand_from health configure help" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and not __fish_seen_subcommand_from health configure help" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and not __fish_seen_subcommand_from health configure help" -l redis-sentinel -d 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and not __fish_seen_subcommand_from health configure help" -l redis-cluster -d 'Talk to a Redis Cluster through these nodes, host:port,host:port,… (the slot map is learnt from them; excludes --redis-addr and --redis-sentinel) [env: REDIS_CLUSTER_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and not __fish_seen_subcommand_from health configure help" -l redis-sentinel-master -d 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and not __fish_seen_subcommand_from health configure help" -l redis-sentinel-username -d 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and not __fish_seen_subcommand_from health configure help" -l redis-sentinel-password-file -d 'Read the Sentinels\' own password (not the data nodes\') from this file [env: REDIS_SENTINEL_PASSWORD]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and not __fish_seen_subcommand_from health configure help" -l tls-ca-file -d 'PEM file of the CA that signed the servers\' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and not __fish_seen_subcommand_from health configure help" -l tls-cert-file -d 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and not __fish_seen_subcommand_from health configure help" -l tls-key-file -d 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and not __fish_seen_subcommand_from health configure help" -l min-replicas-ack -d 'After each acknowledged write (submit, policy change, cancel, a run\'s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and not __fish_seen_subcommand_from health configure help" -l min-replicas-timeout -d 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and not __fish_seen_subcommand_from health configure help" -l redis-timeout -d 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and not __fish_seen_subcommand_from health configure help" -l redis-connect-timeout -d 'How long connecting to Redis may take [default: 3s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and not __fish_seen_subcommand_from health configure help" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and not __fish_seen_subcommand_from health configure help" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and not __fish_seen_subcommand_from health configure help" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and not __fish_seen_subcommand_from health configure help" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and not __fish_seen_subcommand_from health configure help" -l tls-insecure -d 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and not __fish_seen_subcommand_from health configure help" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and not __fish_seen_subcommand_from health configure help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and not __fish_seen_subcommand_from health configure help" -f -a "health" -d 'Persistence health: one row per check (AOF, RDB saves, save rules, eviction policy, memory, loading, the role, each replica with its lag, the Sentinels\' quorum, the ACL user), each OK / WARNING / CRITICAL with what it means and how to fix it'
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and not __fish_seen_subcommand_from health configure help" -f -a "configure" -d 'Compare the live settings with the recommended persistence profile; `--apply` sets them'
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and not __fish_seen_subcommand_from health configure help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and __fish_seen_subcommand_from health" -l max-save-age -d 'Warn when the last successful RDB save is older than this while there are unsaved changes (the same as --warning last_save_age=…; a bad value exits 3, UNKNOWN, like every other problem that stops the check)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and __fish_seen_subcommand_from health" -l warning -d 'WARNING thresholds, NAME=VALUE[,…] (repeatable): last_save_age=2h, memory=80%, latency=100ms, memory_full_in=24h (memory full within that at its recent growth)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and __fish_seen_subcommand_from health" -l critical -d 'CRITICAL thresholds, NAME=VALUE[,…] (repeatable): last_save_age=24h, memory=95%, latency (none by default), memory_full_in (none by default)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and __fish_seen_subcommand_from health" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and __fish_seen_subcommand_from health" -l log-format -d 'Log lines on stderr: text, or one JSON object per line (for log collectors)' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line: timestamp (RFC 3339), level, message, fields'"
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and __fish_seen_subcommand_from health" -l environment -d 'Deployment environment [env: TARTARUS_ENV]' -r -f -a "development\t'REDIS_ADDR defaults to localhost:6379; "" selects the in-memory store'
production\t'REDIS_ADDR is required and Redis must answer; no in-memory store'"
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and __fish_seen_subcommand_from health" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and __fish_seen_subcommand_from health" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and __fish_seen_subcommand_from health" -l cell -d 'The cell: one deployment\'s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and __fish_seen_subcommand_from health" -l queue-key -d 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and __fish_seen_subcommand_from health" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and __fish_seen_subcommand_from health" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and __fish_seen_subcommand_from health" -l redis-sentinel -d 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and __fish_seen_subcommand_from health" -l redis-cluster -d 'Talk to a Redis Cluster through these nodes, host:port,host:port,… (the slot map is learnt from them; excludes --redis-addr and --redis-sentinel) [env: REDIS_CLUSTER_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and __fish_seen_subcommand_from health" -l redis-sentinel-master -d 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and __fish_seen_subcommand_from health" -l redis-sentinel-username -d 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and __fish_seen_subcommand_from health" -l redis-sentinel-password-file -d 'Read the Sentinels\' own password (not the data nodes\') from this file [env: REDIS_SENTINEL_PASSWORD]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and __fish_seen_subcommand_from health" -l tls-ca-file -d 'PEM file of the CA that signed the servers\' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and __fish_seen_subcommand_from health" -l tls-cert-file -d 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and __fish_seen_subcommand_from health" -l tls-key-file -d 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and __fish_seen_subcommand_from health" -l min-replicas-ack -d 'After each acknowledged write (submit, policy change, cancel, a run\'s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and __fish_seen_subcommand_from health" -l min-replicas-timeout -d 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and __fish_seen_subcommand_from health" -l redis-timeout -d 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and __fish_seen_subcommand_from health" -l redis-connect-timeout -d 'How long connecting to Redis may take [default: 3s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and __fish_seen_subcommand_from health" -l no-record -d 'Do not store this run\'s memory sample (for a read-only monitoring user): the forecast then uses the samples other runs stored'
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and __fish_seen_subcommand_from health" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and __fish_seen_subcommand_from health" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and __fish_seen_subcommand_from health" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and __fish_seen_subcommand_from health" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and __fish_seen_subcommand_from health" -l tls-insecure -d 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and __fish_seen_subcommand_from health" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and __fish_seen_subcommand_from health" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and __fish_seen_subcommand_from configure" -l profile -d 'Which profile to compare with' -r -f -a "recommended\t'appendfsync everysec: at most about one second of writes lost on a power failure'
strict\t'appendfsync always: every write is on disk before it is acknowledged (slower)'"
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and __fish_seen_subcommand_from configure" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and __fish_seen_subcommand_from configure" -l log-format -d 'Log lines on stderr: text, or one JSON object per line (for log collectors)' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line: timestamp (RFC 3339), level, message, fields'"
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and __fish_seen_subcommand_from configure" -l environment -d 'Deployment environment [env: TARTARUS_ENV]' -r -f -a "development\t'REDIS_ADDR defaults to localhost:6379; "" selects the in-memory store'
production\t'REDIS_ADDR is required and Redis must answer; no in-memory store'"
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and __fish_seen_subcommand_from configure" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and __fish_seen_subcommand_from configure" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and __fish_seen_subcommand_from configure" -l cell -d 'The cell: one deployment\'s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and __fish_seen_subcommand_from configure" -l queue-key -d 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and __fish_seen_subcommand_from configure" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and __fish_seen_subcommand_from configure" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and __fish_seen_subcommand_from configure" -l redis-sentinel -d 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and __fish_seen_subcommand_from configure" -l redis-cluster -d 'Talk to a Redis Cluster through these nodes, host:port,host:port,… (the slot map is learnt from them; excludes --redis-addr and --redis-sentinel) [env: REDIS_CLUSTER_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and __fish_seen_subcommand_from configure" -l redis-sentinel-master -d 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and __fish_seen_subcommand_from configure" -l redis-sentinel-username -d 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and __fish_seen_subcommand_from configure" -l redis-sentinel-password-file -d 'Read the Sentinels\' own password (not the data nodes\') from this file [env: REDIS_SENTINEL_PASSWORD]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and __fish_seen_subcommand_from configure" -l tls-ca-file -d 'PEM file of the CA that signed the servers\' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and __fish_seen_subcommand_from configure" -l tls-cert-file -d 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and __fish_seen_subcommand_from configure" -l tls-key-file -d 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and __fish_seen_subcommand_from configure" -l min-replicas-ack -d 'After each acknowledged write (submit, policy change, cancel, a run\'s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and __fish_seen_subcommand_from configure" -l min-replicas-timeout -d 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and __fish_seen_subcommand_from configure" -l redis-timeout -d 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and __fish_seen_subcommand_from configure" -l redis-connect-timeout -d 'How long connecting to Redis may take [default: 3s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and __fish_seen_subcommand_from configure" -l apply -d 'Apply the differences (CONFIG SET + CONFIG REWRITE) after confirmation; on Redis Cluster to every node (masters and replicas) in turn'
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and __fish_seen_subcommand_from configure" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and __fish_seen_subcommand_from configure" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and __fish_seen_subcommand_from configure" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and __fish_seen_subcommand_from configure" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and __fish_seen_subcommand_from configure" -l tls-insecure -d 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and __fish_seen_subcommand_from configure" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and __fish_seen_subcommand_from configure" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and __fish_seen_subcommand_from help" -f -a "health" -d 'Persistence health: one row per check (AOF, RDB saves, save rules, eviction policy, memory, loading, the role, each replica with its lag, the Sentinels\' quorum, the ACL user), each OK / WARNING / CRITICAL with what it means and how to fix it'
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and __fish_seen_subcommand_from help" -f -a "configure" -d 'Compare the live settings with the recommended persistence profile; `--apply` sets them'
complete -c tartarus -n "__fish_tartarus_using_subcommand redis; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and not __fish_seen_subcommand_from create copy list verify prune restore help" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and not __fish_seen_subcommand_from create copy list verify prune restore help" -l log-format -d 'Log lines on stderr: text, or one JSON object per line (for log collectors)' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line: timestamp (RFC 3339), level, message, fields'"
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and not __fish_seen_subcommand_from create copy list verify prune restore help" -l environment -d 'Deployment environment [env: TARTARUS_ENV]' -r -f -a "development\t'REDIS_ADDR defaults to localhost:6379; "" selects the in-memory store'
production\t'REDIS_ADDR is required and Redis must answer; no in-memory store'"
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and not __fish_seen_subcommand_from create copy list verify prune restore help" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and not __fish_seen_subcommand_from create copy list verify prune restore help" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and not __fish_seen_subcommand_from create copy list verify prune restore help" -l cell -d 'The cell: one deployment\'s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and not __fish_seen_subcommand_from create copy list verify prune restore help" -l queue-key -d 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and not __fish_seen_subcommand_from create copy list verify prune restore help" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and not __fish_seen_subcommand_from create copy list verify prune restore help" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and not __fish_seen_subcommand_from create copy list verify prune restore help" -l redis-sentinel -d 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and not __fish_seen_subcommand_from create copy list verify prune restore help" -l redis-cluster -d 'Talk to a Redis Cluster through these nodes, host:port,host:port,… (the slot map is learnt from them; excludes --redis-addr and --redis-sentinel) [env: REDIS_CLUSTER_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and not __fish_seen_subcommand_from create copy list verify prune restore help" -l redis-sentinel-master -d 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and not __fish_seen_subcommand_from create copy list verify prune restore help" -l redis-sentinel-username -d 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and not __fish_seen_subcommand_from create copy list verify prune restore help" -l redis-sentinel-password-file -d 'Read the Sentinels\' own password (not the data nodes\') from this file [env: REDIS_SENTINEL_PASSWORD]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and not __fish_seen_subcommand_from create copy list verify prune restore help" -l tls-ca-file -d 'PEM file of the CA that signed the servers\' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and not __fish_seen_subcommand_from create copy list verify prune restore help" -l tls-cert-file -d 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and not __fish_seen_subcommand_from create copy list verify prune restore help" -l tls-key-file -d 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and not __fish_seen_subcommand_from create copy list verify prune restore help" -l min-replicas-ack -d 'After each acknowledged write (submit, policy change, cancel, a run\'s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and not __fish_seen_subcommand_from create copy list verify prune restore help" -l min-replicas-timeout -d 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and not __fish_seen_subcommand_from create copy list verify prune restore help" -l redis-timeout -d 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and not __fish_seen_subcommand_from create copy list verify prune restore help" -l redis-connect-timeout -d 'How long connecting to Redis may take [default: 3s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and not __fish_seen_subcommand_from create copy list verify prune restore help" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and not __fish_seen_subcommand_from create copy list verify prune restore help" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and not __fish_seen_subcommand_from create copy list verify prune restore help" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and not __fish_seen_subcommand_from create copy list verify prune restore help" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and not __fish_seen_subcommand_from create copy list verify prune restore help" -l tls-insecure -d 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and not __fish_seen_subcommand_from create copy list verify prune restore help" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and not __fish_seen_subcommand_from create copy list verify prune restore help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and not __fish_seen_subcommand_from create copy list verify prune restore help" -f -a "create" -d 'Take a backup into a new dated folder (manifest.json with sizes, SHA-256, versions, key counts)'
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and not __fish_seen_subcommand_from create copy list verify prune restore help" -f -a "copy" -d 'Copy a backup off the machine: to a folder (an NFS or EFS mount) or object storage'
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and not __fish_seen_subcommand_from create copy list verify prune restore help" -f -a "list" -d 'The backups in the directory, oldest first, with a quick status (sizes only; see verify)'
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and not __fish_seen_subcommand_from create copy list verify prune restore help" -f -a "verify" -d 'Check a backup: no links or special files in it, manifest, size and SHA-256 of every file, RDB magic/version/CRC-64, AOF manifest, the RESTORE file of logical backups, and redis-check-rdb/-aof when installed'
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and not __fish_seen_subcommand_from create copy list verify prune restore help" -f -a "prune" -d 'Delete backups older than --keep-days that are not among the newest --keep-last'
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and not __fish_seen_subcommand_from create copy list verify prune restore help" -f -a "restore" -d 'Restore a backup: offline into a stopped server\'s data dir, or online (logical backups)'
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and not __fish_seen_subcommand_from create copy list verify prune restore help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from create" -l dir -d 'The backup directory (one dated folder per backup inside it)' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from create" -l method -d 'How to take the backup' -r -f -a "auto\t'file when the server\'s data dir is on this machine, else replication'
file\t'copy dump.rdb (and the AOF directory; a rewrite meanwhile makes it copy again) after a BGSAVE'
replication\t'stream the RDB over the network like `redis-cli --rdb` (works for a remote server)'
logical\t'SCAN + DUMP + PTTL of the tartarus and themis keys as RESTORE commands (`redis-cli --pipe` loads it too)'"
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from create" -l pattern -d 'Key patterns of a logical backup (repeatable; default tartarus:*, themis:* — every cell — and the queue key; one cell: --pattern \'tartarus:{CELL}:*\' --pattern \'themis:{CELL}:*\')' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from create" -l bgsave-timeout -d 'How long the BGSAVE may take' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from create" -l copy-to -d 'Then copy it off the machine: a folder (an NFS or EFS mount) or s3://bucket/prefix; the copy is read back and checked against the manifest' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from create" -l textfile -d 'Also write node_exporter textfile metrics here (atomically), on success and on failure: this command\'s outcome with everything `tartarus metrics` reports. If it cannot be written, a command that succeeded exits 32 (TEXTFILE_NOT_WRITTEN)' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from create" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from create" -l log-format -d 'Log lines on stderr: text, or one JSON object per line (for log collectors)' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line: timestamp (RFC 3339), level, message, fields'"
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from create" -l environment -d 'Deployment environment [env: TARTARUS_ENV]' -r -f -a "development\t'REDIS_ADDR defaults to localhost:6379; "" selects the in-memory store'
production\t'REDIS_ADDR is required and Redis must answer; no in-memory store'"
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from create" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from create" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from create" -l cell -d 'The cell: one deployment\'s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from create" -l queue-key -d 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from create" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from create" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from create" -l redis-sentinel -d 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from create" -l redis-cluster -d 'Talk to a Redis Cluster through these nodes, host:port,host:port,… (the slot map is learnt from them; excludes --redis-addr and --redis-sentinel) [env: REDIS_CLUSTER_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from create" -l redis-sentinel-master -d 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from create" -l redis-sentinel-username -d 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from create" -l redis-sentinel-password-file -d 'Read the Sentinels\' own password (not the data nodes\') from this file [env: REDIS_SENTINEL_PASSWORD]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from create" -l tls-ca-file -d 'PEM file of the CA that signed the servers\' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from create" -l tls-cert-file -d 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from create" -l tls-key-file -d 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from create" -l min-replicas-ack -d 'After each acknowledged write (submit, policy change, cancel, a run\'s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from create" -l min-replicas-timeout -d 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from create" -l redis-timeout -d 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from create" -l redis-connect-timeout -d 'How long connecting to Redis may take [default: 3s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from create" -l verify -d 'Verify the new backup right away (exit 31 when it fails)'
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from create" -l from-replica -d 'Take the snapshot from a healthy replica instead of the master (behind Sentinel, one the Sentinels list as in sync; standalone, one the master\'s INFO replication shows online; on Redis Cluster, for each master one of its replicas with its link up), so the master does not fork for it'
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from create" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from create" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from create" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from create" -l tls-insecure -d 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from create" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from copy" -l dir -d 'Where a backup id is looked up: a folder or s3://bucket/prefix (not needed with a path or an s3://bucket/prefix/ID reference)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from copy" -l textfile -d 'Also write node_exporter textfile metrics here (atomically), on success and on failure: this command\'s outcome with everything `tartarus metrics` reports. If it cannot be written, a command that succeeded exits 32 (TEXTFILE_NOT_WRITTEN)' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from copy" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from copy" -l log-format -d 'Log lines on stderr: text, or one JSON object per line (for log collectors)' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line: timestamp (RFC 3339), level, message, fields'"
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from copy" -l environment -d 'Deployment environment [env: TARTARUS_ENV]' -r -f -a "development\t'REDIS_ADDR defaults to localhost:6379; "" selects the in-memory store'
production\t'REDIS_ADDR is required and Redis must answer; no in-memory store'"
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from copy" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from copy" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from copy" -l cell -d 'The cell: one deployment\'s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from copy" -l queue-key -d 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from copy" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from copy" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from copy" -l redis-sentinel -d 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from copy" -l redis-cluster -d 'Talk to a Redis Cluster through these nodes, host:port,host:port,… (the slot map is learnt from them; excludes --redis-addr and --redis-sentinel) [env: REDIS_CLUSTER_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from copy" -l redis-sentinel-master -d 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from copy" -l redis-sentinel-username -d 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from copy" -l redis-sentinel-password-file -d 'Read the Sentinels\' own password (not the data nodes\') from this file [env: REDIS_SENTINEL_PASSWORD]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from copy" -l tls-ca-file -d 'PEM file of the CA that signed the servers\' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from copy" -l tls-cert-file -d 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from copy" -l tls-key-file -d 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from copy" -l min-replicas-ack -d 'After each acknowledged write (submit, policy change, cancel, a run\'s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from copy" -l min-replicas-timeout -d 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from copy" -l redis-timeout -d 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from copy" -l redis-connect-timeout -d 'How long connecting to Redis may take [default: 3s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from copy" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from copy" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from copy" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from copy" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from copy" -l tls-insecure -d 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from copy" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from copy" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from list" -l dir -d 'Where backups live: a folder (one dated folder per backup inside it), or object storage (s3://bucket/prefix)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from list" -l log-format -d 'Log lines on stderr: text, or one JSON object per line (for log collectors)' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line: timestamp (RFC 3339), level, message, fields'"
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from list" -l environment -d 'Deployment environment [env: TARTARUS_ENV]' -r -f -a "development\t'REDIS_ADDR defaults to localhost:6379; "" selects the in-memory store'
production\t'REDIS_ADDR is required and Redis must answer; no in-memory store'"
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from list" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from list" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from list" -l cell -d 'The cell: one deployment\'s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from list" -l queue-key -d 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from list" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from list" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from list" -l redis-sentinel -d 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from list" -l redis-cluster -d 'Talk to a Redis Cluster through these nodes, host:port,host:port,… (the slot map is learnt from them; excludes --redis-addr and --redis-sentinel) [env: REDIS_CLUSTER_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from list" -l redis-sentinel-master -d 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from list" -l redis-sentinel-username -d 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from list" -l redis-sentinel-password-file -d 'Read the Sentinels\' own password (not the data nodes\') from this file [env: REDIS_SENTINEL_PASSWORD]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from list" -l tls-ca-file -d 'PEM file of the CA that signed the servers\' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from list" -l tls-cert-file -d 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from list" -l tls-key-file -d 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from list" -l min-replicas-ack -d 'After each acknowledged write (submit, policy change, cancel, a run\'s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from list" -l min-replicas-timeout -d 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from list" -l redis-timeout -d 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from list" -l redis-connect-timeout -d 'How long connecting to Redis may take [default: 3s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from list" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from list" -l tls-insecure -d 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from list" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from verify" -l dir -d 'Where a backup id is looked up: a folder or s3://bucket/prefix (not needed with a path or an s3://bucket/prefix/ID reference)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from verify" -l textfile -d 'Also write node_exporter textfile metrics here (atomically), on success and on failure: this command\'s outcome with everything `tartarus metrics` reports. If it cannot be written, a command that succeeded exits 32 (TEXTFILE_NOT_WRITTEN)' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from verify" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from verify" -l log-format -d 'Log lines on stderr: text, or one JSON object per line (for log collectors)' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line: timestamp (RFC 3339), level, message, fields'"
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from verify" -l environment -d 'Deployment environment [env: TARTARUS_ENV]' -r -f -a "development\t'REDIS_ADDR defaults to localhost:6379; "" selects the in-memory store'
production\t'REDIS_ADDR is required and Redis must answer; no in-memory store'"
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from verify" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from verify" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from verify" -l cell -d 'The cell: one deployment\'s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from verify" -l queue-key -d 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from verify" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from verify" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from verify" -l redis-sentinel -d 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from verify" -l redis-cluster -d 'Talk to a Redis Cluster through these nodes, host:port,host:port,… (the slot map is learnt from them; excludes --redis-addr and --redis-sentinel) [env: REDIS_CLUSTER_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from verify" -l redis-sentinel-master -d 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from verify" -l redis-sentinel-username -d 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from verify" -l redis-sentinel-password-file -d 'Read the Sentinels\' own password (not the data nodes\') from this file [env: REDIS_SENTINEL_PASSWORD]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from verify" -l tls-ca-file -d 'PEM file of the CA that signed the servers\' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from verify" -l tls-cert-file -d 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from verify" -l tls-key-file -d 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from verify" -l min-replicas-ack -d 'After each acknowledged write (submit, policy change, cancel, a run\'s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from verify" -l min-replicas-timeout -d 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from verify" -l redis-timeout -d 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from verify" -l redis-connect-timeout -d 'How long connecting to Redis may take [default: 3s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from verify" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from verify" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from verify" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from verify" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from verify" -l tls-insecure -d 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from verify" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from verify" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from prune" -l dir -d 'Where backups live: a folder (one dated folder per backup inside it), or object storage (s3://bucket/prefix)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from prune" -l keep-days -d 'Keep every backup younger than this many days (0: age keeps nothing)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from prune" -l keep-last -d 'Keep the newest N backups whatever their age' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from prune" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from prune" -l log-format -d 'Log lines on stderr: text, or one JSON object per line (for log collectors)' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line: timestamp (RFC 3339), level, message, fields'"
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from prune" -l environment -d 'Deployment environment [env: TARTARUS_ENV]' -r -f -a "development\t'REDIS_ADDR defaults to localhost:6379; "" selects the in-memory store'
production\t'REDIS_ADDR is required and Redis must answer; no in-memory store'"
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from prune" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from prune" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from prune" -l cell -d 'The cell: one deployment\'s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from prune" -l queue-key -d 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from prune" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from prune" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from prune" -l redis-sentinel -d 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from prune" -l redis-cluster -d 'Talk to a Redis Cluster through these nodes, host:port,host:port,… (the slot map is learnt from them; excludes --redis-addr and --redis-sentinel) [env: REDIS_CLUSTER_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from prune" -l redis-sentinel-master -d 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from prune" -l redis-sentinel-username -d 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from prune" -l redis-sentinel-password-file -d 'Read the Sentinels\' own password (not the data nodes\') from this file [env: REDIS_SENTINEL_PASSWORD]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from prune" -l tls-ca-file -d 'PEM file of the CA that signed the servers\' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from prune" -l tls-cert-file -d 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from prune" -l tls-key-file -d 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from prune" -l min-replicas-ack -d 'After each acknowledged write (submit, policy change, cancel, a run\'s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from prune" -l min-replicas-timeout -d 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from prune" -l redis-timeout -d 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from prune" -l redis-connect-timeout -d 'How long connecting to Redis may take [default: 3s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from prune" -l dry-run -d 'Only show what would be deleted (backups and stale temporary folders)'
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from prune" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from prune" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from prune" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from prune" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from prune" -l tls-insecure -d 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from prune" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from restore" -l dir -d 'Where a backup id is looked up: a folder or s3://bucket/prefix (not needed with a path or an s3://bucket/prefix/ID reference)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from restore" -l data-dir -d 'Offline: the stopped server\'s data directory (its `dir`)' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from restore" -l appendonly -d 'Offline: whether the server will start with appendonly yes or no' -r -f -a "yes\t''
no\t''"
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from restore" -l redis-conf -d 'Offline: read appendonly, appenddirname, appendfilename and dbfilename from this redis.conf' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from restore" -l node -d 'Offline, a Redis Cluster backup: the master whose RDB goes into --data-dir (its node id, 6+ first characters of it, or its address when the backup was taken)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from restore" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from restore" -l log-format -d 'Log lines on stderr: text, or one JSON object per line (for log collectors)' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line: timestamp (RFC 3339), level, message, fields'"
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from restore" -l environment -d 'Deployment environment [env: TARTARUS_ENV]' -r -f -a "development\t'REDIS_ADDR defaults to localhost:6379; "" selects the in-memory store'
production\t'REDIS_ADDR is required and Redis must answer; no in-memory store'"
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from restore" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from restore" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from restore" -l cell -d 'The cell: one deployment\'s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from restore" -l queue-key -d 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from restore" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from restore" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from restore" -l redis-sentinel -d 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from restore" -l redis-cluster -d 'Talk to a Redis Cluster through these nodes, host:port,host:port,… (the slot map is learnt from them; excludes --redis-addr and --redis-sentinel) [env: REDIS_CLUSTER_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from restore" -l redis-sentinel-master -d 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from restore" -l redis-sentinel-username -d 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from restore" -l redis-sentinel-password-file -d 'Read the Sentinels\' own password (not the data nodes\') from this file [env: REDIS_SENTINEL_PASSWORD]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from restore" -l tls-ca-file -d 'PEM file of the CA that signed the servers\' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from restore" -l tls-cert-file -d 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from restore" -l tls-key-file -d 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from restore" -l min-replicas-ack -d 'After each acknowledged write (submit, policy change, cancel, a run\'s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from restore" -l min-replicas-timeout -d 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from restore" -l redis-timeout -d 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from restore" -l redis-connect-timeout -d 'How long connecting to Redis may take [default: 3s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from restore" -l force -d 'Offline: restore even though a server answers at the configured address'
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from restore" -l online -d 'Load a logical backup into the running server (RESTORE … REPLACE); on Redis Cluster, a Cluster backup, each master\'s RDB into the master holding the same slots now'
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from restore" -l flush -d 'Online: first delete the keys matching the backup\'s patterns (a Cluster backup: every key of each master, whose RDB is its whole dataset)'
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from restore" -l dry-run -d 'Run every check and print what would be moved, written, deleted or loaded; change nothing'
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from restore" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from restore" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from restore" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from restore" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from restore" -l tls-insecure -d 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from restore" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from restore" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from help" -f -a "create" -d 'Take a backup into a new dated folder (manifest.json with sizes, SHA-256, versions, key counts)'
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from help" -f -a "copy" -d 'Copy a backup off the machine: to a folder (an NFS or EFS mount) or object storage'
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from help" -f -a "list" -d 'The backups in the directory, oldest first, with a quick status (sizes only; see verify)'
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from help" -f -a "verify" -d 'Check a backup: no links or special files in it, manifest, size and SHA-256 of every file, RDB magic/version/CRC-64, AOF manifest, the RESTORE file of logical backups, and redis-check-rdb/-aof when installed'
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from help" -f -a "prune" -d 'Delete backups older than --keep-days that are not among the newest --keep-last'
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from help" -f -a "restore" -d 'Restore a backup: offline into a stopped server\'s data dir, or online (logical backups)'
complete -c tartarus -n "__fish_tartarus_using_subcommand backup; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tartarus -n "__fish_tartarus_using_subcommand metrics" -l textfile -d 'Write the textfile here (atomically: a temporary file in the same folder, fsync, rename); without it, print it' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand metrics" -l dir -d 'The backup directory whose newest backups, verifications and last create/copy to report (s3://… counts as --remote)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand metrics" -l remote -d 'The off-machine destination to report too (a folder or s3://bucket/prefix)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand metrics" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand metrics" -l log-format -d 'Log lines on stderr: text, or one JSON object per line (for log collectors)' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line: timestamp (RFC 3339), level, message, fields'"
complete -c tartarus -n "__fish_tartarus_using_subcommand metrics" -l environment -d 'Deployment environment [env: TARTARUS_ENV]' -r -f -a "development\t'REDIS_ADDR defaults to localhost:6379; "" selects the in-memory store'
production\t'REDIS_ADDR is required and Redis must answer; no in-memory store'"
complete -c tartarus -n "__fish_tartarus_using_subcommand metrics" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand metrics" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand metrics" -l cell -d 'The cell: one deployment\'s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand metrics" -l queue-key -d 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand metrics" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand metrics" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand metrics" -l redis-sentinel -d 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand metrics" -l redis-cluster -d 'Talk to a Redis Cluster through these nodes, host:port,host:port,… (the slot map is learnt from them; excludes --redis-addr and --redis-sentinel) [env: REDIS_CLUSTER_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand metrics" -l redis-sentinel-master -d 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand metrics" -l redis-sentinel-username -d 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand metrics" -l redis-sentinel-password-file -d 'Read the Sentinels\' own password (not the data nodes\') from this file [env: REDIS_SENTINEL_PASSWORD]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand metrics" -l tls-ca-file -d 'PEM file of the CA that signed the servers\' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand metrics" -l tls-cert-file -d 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand metrics" -l tls-key-file -d 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand metrics" -l min-replicas-ack -d 'After each acknowledged write (submit, policy change, cancel, a run\'s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand metrics" -l min-replicas-timeout -d 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand metrics" -l redis-timeout -d 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand metrics" -l redis-connect-timeout -d 'How long connecting to Redis may take [default: 3s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand metrics" -l no-record -d 'Do not store a memory sample for `redis health`\'s forecast'
complete -c tartarus -n "__fish_tartarus_using_subcommand metrics" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand metrics" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand metrics" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand metrics" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand metrics" -l tls-insecure -d 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand metrics" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand metrics" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand verify; and not __fish_seen_subcommand_from persistence help" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand verify; and not __fish_seen_subcommand_from persistence help" -l log-format -d 'Log lines on stderr: text, or one JSON object per line (for log collectors)' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line: timestamp (RFC 3339), level, message, fields'"
complete -c tartarus -n "__fish_tartarus_using_subcommand verify; and not __fish_seen_subcommand_from persistence help" -l environment -d 'Deployment environment [env: TARTARUS_ENV]' -r -f -a "development\t'REDIS_ADDR defaults to localhost:6379; "" selects the in-memory store'
production\t'REDIS_ADDR is required and Redis must answer; no in-memory store'"
complete -c tartarus -n "__fish_tartarus_using_subcommand verify; and not __fish_seen_subcommand_from persistence help" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand verify; and not __fish_seen_subcommand_from persistence help" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand verify; and not __fish_seen_subcommand_from persistence help" -l cell -d 'The cell: one deployment\'s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand verify; and not __fish_seen_subcommand_from persistence help" -l queue-key -d 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand verify; and not __fish_seen_subcommand_from persistence help" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand verify; and not __fish_seen_subcommand_from persistence help" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand verify; and not __fish_seen_subcommand_from persistence help" -l redis-sentinel -d 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand verify; and not __fish_seen_subcommand_from persistence help" -l redis-cluster -d 'Talk to a Redis Cluster through these nodes, host:port,host:port,… (the slot map is learnt from them; excludes --redis-addr and --redis-sentinel) [env: REDIS_CLUSTER_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand verify; and not __fish_seen_subcommand_from persistence help" -l redis-sentinel-master -d 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand verify; and not __fish_seen_subcommand_from persistence help" -l redis-sentinel-username -d 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand verify; and not __fish_seen_subcommand_from persistence help" -l redis-sentinel-password-file -d 'Read the Sentinels\' own password (not the data nodes\') from this file [env: REDIS_SENTINEL_PASSWORD]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand verify; and not __fish_seen_subcommand_from persistence help" -l tls-ca-file -d 'PEM file of the CA that signed the servers\' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand verify; and not __fish_seen_subcommand_from persistence help" -l tls-cert-file -d 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand verify; and not __fish_seen_subcommand_from persistence help" -l tls-key-file -d 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand verify; and not __fish_seen_subcommand_from persistence help" -l min-replicas-ack -d 'After each acknowledged write (submit, policy change, cancel, a run\'s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand verify; and not __fish_seen_subcommand_from persistence help" -l min-replicas-timeout -d 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand verify; and not __fish_seen_subcommand_from persistence help" -l redis-timeout -d 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand verify; and not __fish_seen_subcommand_from persistence help" -l redis-connect-timeout -d 'How long connecting to Redis may take [default: 3s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand verify; and not __fish_seen_subcommand_from persistence help" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand verify; and not __fish_seen_subcommand_from persistence help" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand verify; and not __fish_seen_subcommand_from persistence help" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand verify; and not __fish_seen_subcommand_from persistence help" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand verify; and not __fish_seen_subcommand_from persistence help" -l tls-insecure -d 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand verify; and not __fish_seen_subcommand_from persistence help" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand verify; and not __fish_seen_subcommand_from persistence help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand verify; and not __fish_seen_subcommand_from persistence help" -f -a "persistence" -d 'Prove that Redis keeps what tartarus writes: write a canary, restart, read it back'
complete -c tartarus -n "__fish_tartarus_using_subcommand verify; and not __fish_seen_subcommand_from persistence help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tartarus -n "__fish_tartarus_using_subcommand verify; and __fish_seen_subcommand_from persistence" -l restart-cmd -d 'Shell command that restarts Redis (run with `sh -c`; its output goes to stderr)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand verify; and __fish_seen_subcommand_from persistence" -l wait -d 'How long to wait for Redis to answer and finish loading after the restart' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand verify; and __fish_seen_subcommand_from persistence" -l restart-timeout -d 'How long the restart command may run before it is killed, with everything it started (its process group: SIGTERM, then SIGKILL 2 s later)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand verify; and __fish_seen_subcommand_from persistence" -l dir -d 'The backup directory whose figures the textfile reports too (with --textfile)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand verify; and __fish_seen_subcommand_from persistence" -l textfile -d 'Also write node_exporter textfile metrics here (atomically), on success and on failure: this command\'s outcome with everything `tartarus metrics` reports. If it cannot be written, a command that succeeded exits 32 (TEXTFILE_NOT_WRITTEN)' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand verify; and __fish_seen_subcommand_from persistence" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand verify; and __fish_seen_subcommand_from persistence" -l log-format -d 'Log lines on stderr: text, or one JSON object per line (for log collectors)' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line: timestamp (RFC 3339), level, message, fields'"
complete -c tartarus -n "__fish_tartarus_using_subcommand verify; and __fish_seen_subcommand_from persistence" -l environment -d 'Deployment environment [env: TARTARUS_ENV]' -r -f -a "development\t'REDIS_ADDR defaults to localhost:6379; "" selects the in-memory store'
production\t'REDIS_ADDR is required and Redis must answer; no in-memory store'"
complete -c tartarus -n "__fish_tartarus_using_subcommand verify; and __fish_seen_subcommand_from persistence" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand verify; and __fish_seen_subcommand_from persistence" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand verify; and __fish_seen_subcommand_from persistence" -l cell -d 'The cell: one deployment\'s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand verify; and __fish_seen_subcommand_from persistence" -l queue-key -d 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand verify; and __fish_seen_subcommand_from persistence" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand verify; and __fish_seen_subcommand_from persistence" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand verify; and __fish_seen_subcommand_from persistence" -l redis-sentinel -d 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand verify; and __fish_seen_subcommand_from persistence" -l redis-cluster -d 'Talk to a Redis Cluster through these nodes, host:port,host:port,… (the slot map is learnt from them; excludes --redis-addr and --redis-sentinel) [env: REDIS_CLUSTER_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand verify; and __fish_seen_subcommand_from persistence" -l redis-sentinel-master -d 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand verify; and __fish_seen_subcommand_from persistence" -l redis-sentinel-username -d 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand verify; and __fish_seen_subcommand_from persistence" -l redis-sentinel-password-file -d 'Read the Sentinels\' own password (not the data nodes\') from this file [env: REDIS_SENTINEL_PASSWORD]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand verify; and __fish_seen_subcommand_from persistence" -l tls-ca-file -d 'PEM file of the CA that signed the servers\' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand verify; and __fish_seen_subcommand_from persistence" -l tls-cert-file -d 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand verify; and __fish_seen_subcommand_from persistence" -l tls-key-file -d 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand verify; and __fish_seen_subcommand_from persistence" -l min-replicas-ack -d 'After each acknowledged write (submit, policy change, cancel, a run\'s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand verify; and __fish_seen_subcommand_from persistence" -l min-replicas-timeout -d 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand verify; and __fish_seen_subcommand_from persistence" -l redis-timeout -d 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand verify; and __fish_seen_subcommand_from persistence" -l redis-connect-timeout -d 'How long connecting to Redis may take [default: 3s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand verify; and __fish_seen_subcommand_from persistence" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand verify; and __fish_seen_subcommand_from persistence" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand verify; and __fish_seen_subcommand_from persistence" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand verify; and __fish_seen_subcommand_from persistence" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand verify; and __fish_seen_subcommand_from persistence" -l tls-insecure -d 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand verify; and __fish_seen_subcommand_from persistence" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand verify; and __fish_seen_subcommand_from persistence" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand verify; and __fish_seen_subcommand_from help" -f -a "persistence" -d 'Prove that Redis keeps what tartarus writes: write a canary, restart, read it back'
complete -c tartarus -n "__fish_tartarus_using_subcommand verify; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tartarus -n "__fish_tartarus_using_subcommand migrate" -l from -d 'Copy from this old server (host:port, redis://… or rediss://…) into the configured Redis (a single server or a Redis Cluster) instead of renaming in place; the old server is not changed' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand migrate" -l from-password-file -d 'Read the old server\'s password from this file (with --from)' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand migrate" -l from-queue-key -d 'The queue key of the old layout (what REDIS_QUEUE_KEY was before the upgrade)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand migrate" -l batch -d 'Keys per round trip' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand migrate" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand migrate" -l log-format -d 'Log lines on stderr: text, or one JSON object per line (for log collectors)' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line: timestamp (RFC 3339), level, message, fields'"
complete -c tartarus -n "__fish_tartarus_using_subcommand migrate" -l environment -d 'Deployment environment [env: TARTARUS_ENV]' -r -f -a "development\t'REDIS_ADDR defaults to localhost:6379; "" selects the in-memory store'
production\t'REDIS_ADDR is required and Redis must answer; no in-memory store'"
complete -c tartarus -n "__fish_tartarus_using_subcommand migrate" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand migrate" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand migrate" -l cell -d 'The cell: one deployment\'s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand migrate" -l queue-key -d 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand migrate" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand migrate" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand migrate" -l redis-sentinel -d 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand migrate" -l redis-cluster -d 'Talk to a Redis Cluster through these nodes, host:port,host:port,… (the slot map is learnt from them; excludes --redis-addr and --redis-sentinel) [env: REDIS_CLUSTER_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand migrate" -l redis-sentinel-master -d 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand migrate" -l redis-sentinel-username -d 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand migrate" -l redis-sentinel-password-file -d 'Read the Sentinels\' own password (not the data nodes\') from this file [env: REDIS_SENTINEL_PASSWORD]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand migrate" -l tls-ca-file -d 'PEM file of the CA that signed the servers\' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand migrate" -l tls-cert-file -d 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand migrate" -l tls-key-file -d 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand migrate" -l min-replicas-ack -d 'After each acknowledged write (submit, policy change, cancel, a run\'s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand migrate" -l min-replicas-timeout -d 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand migrate" -l redis-timeout -d 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand migrate" -l redis-connect-timeout -d 'How long connecting to Redis may take [default: 3s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand migrate" -l dry-run -d 'Count what would move and check for conflicts; change nothing'
complete -c tartarus -n "__fish_tartarus_using_subcommand migrate" -l force -d 'Go on although schedulers or agents of the previous version still announce themselves'
complete -c tartarus -n "__fish_tartarus_using_subcommand migrate" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand migrate" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand migrate" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand migrate" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand migrate" -l tls-insecure -d 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand migrate" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand migrate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and not __fish_seen_subcommand_from backup cells help" -l runs -d 'Runs to submit' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and not __fish_seen_subcommand_from backup cells help" -l claim-batch -d 'Runs per claim' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and not __fish_seen_subcommand_from backup cells help" -l raw-requests -d 'SET requests redis-benchmark sends for the raw server rate' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and not __fish_seen_subcommand_from backup cells help" -l e2e-runs -d 'Runs for the end-to-end figure (submit → admitted → scheduled, one scheduler, 16 nodes, 10 policies)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and not __fish_seen_subcommand_from backup cells help" -l e2e-batch -d 'Scheduler batch size for the end-to-end figure' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and not __fish_seen_subcommand_from backup cells help" -l latency-secs -d 'Seconds of steady 1,000 runs/s for the latency figure (0 skips it)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and not __fish_seen_subcommand_from backup cells help" -l lifecycle-runs -d 'Runs for the whole-lifecycle figure (submit → admitted → scheduled → running → succeeded; one scheduler, one in-process agent whose executor completes at once; 0 skips it)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and not __fish_seen_subcommand_from backup cells help" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and not __fish_seen_subcommand_from backup cells help" -l log-format -d 'Log lines on stderr: text, or one JSON object per line (for log collectors)' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line: timestamp (RFC 3339), level, message, fields'"
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and not __fish_seen_subcommand_from backup cells help" -l environment -d 'Deployment environment [env: TARTARUS_ENV]' -r -f -a "development\t'REDIS_ADDR defaults to localhost:6379; "" selects the in-memory store'
production\t'REDIS_ADDR is required and Redis must answer; no in-memory store'"
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and not __fish_seen_subcommand_from backup cells help" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and not __fish_seen_subcommand_from backup cells help" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and not __fish_seen_subcommand_from backup cells help" -l cell -d 'The cell: one deployment\'s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and not __fish_seen_subcommand_from backup cells help" -l queue-key -d 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and not __fish_seen_subcommand_from backup cells help" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and not __fish_seen_subcommand_from backup cells help" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and not __fish_seen_subcommand_from backup cells help" -l redis-sentinel -d 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and not __fish_seen_subcommand_from backup cells help" -l redis-cluster -d 'Talk to a Redis Cluster through these nodes, host:port,host:port,… (the slot map is learnt from them; excludes --redis-addr and --redis-sentinel) [env: REDIS_CLUSTER_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and not __fish_seen_subcommand_from backup cells help" -l redis-sentinel-master -d 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and not __fish_seen_subcommand_from backup cells help" -l redis-sentinel-username -d 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and not __fish_seen_subcommand_from backup cells help" -l redis-sentinel-password-file -d 'Read the Sentinels\' own password (not the data nodes\') from this file [env: REDIS_SENTINEL_PASSWORD]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and not __fish_seen_subcommand_from backup cells help" -l tls-ca-file -d 'PEM file of the CA that signed the servers\' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and not __fish_seen_subcommand_from backup cells help" -l tls-cert-file -d 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and not __fish_seen_subcommand_from backup cells help" -l tls-key-file -d 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and not __fish_seen_subcommand_from backup cells help" -l min-replicas-ack -d 'After each acknowledged write (submit, policy change, cancel, a run\'s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and not __fish_seen_subcommand_from backup cells help" -l min-replicas-timeout -d 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and not __fish_seen_subcommand_from backup cells help" -l redis-timeout -d 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and not __fish_seen_subcommand_from backup cells help" -l redis-connect-timeout -d 'How long connecting to Redis may take [default: 3s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and not __fish_seen_subcommand_from backup cells help" -l no-raw -d 'Skip running redis-benchmark for the raw server rate'
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and not __fish_seen_subcommand_from backup cells help" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and not __fish_seen_subcommand_from backup cells help" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and not __fish_seen_subcommand_from backup cells help" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and not __fish_seen_subcommand_from backup cells help" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and not __fish_seen_subcommand_from backup cells help" -l tls-insecure -d 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and not __fish_seen_subcommand_from backup cells help" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and not __fish_seen_subcommand_from backup cells help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and not __fish_seen_subcommand_from backup cells help" -f -a "backup" -d 'Backup and restore speed against redis-cli (--rdb and --pipe) on the same server'
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and not __fish_seen_subcommand_from backup cells help" -f -a "cells" -d 'The submit → scheduled path in 1, 2, 3… cells at once, one scheduler per cell, with the rate per cell, the total, and the Redis CPU of each master'
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and not __fish_seen_subcommand_from backup cells help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and __fish_seen_subcommand_from backup" -l populate -d 'Keys to add with DEBUG POPULATE (300-byte values) for the RDB figure, under tartarus-bench:rdb (0: use the data already there). Needs `enable-debug-command local` on the server; with `rdbcompression no` the default makes an RDB of about 1.1 GB' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and __fish_seen_subcommand_from backup" -l logical-keys -d 'Keys for the logical restore figure (DEBUG POPULATE under tartarus-bench:lg; 0 skips it)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and __fish_seen_subcommand_from backup" -l rounds -d 'Rounds of each measurement (the median is reported)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and __fish_seen_subcommand_from backup" -l dir -d 'Scratch folder for the backups and redis-cli\'s files (default: a new folder in the temp dir)' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and __fish_seen_subcommand_from backup" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and __fish_seen_subcommand_from backup" -l log-format -d 'Log lines on stderr: text, or one JSON object per line (for log collectors)' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line: timestamp (RFC 3339), level, message, fields'"
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and __fish_seen_subcommand_from backup" -l environment -d 'Deployment environment [env: TARTARUS_ENV]' -r -f -a "development\t'REDIS_ADDR defaults to localhost:6379; "" selects the in-memory store'
production\t'REDIS_ADDR is required and Redis must answer; no in-memory store'"
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and __fish_seen_subcommand_from backup" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and __fish_seen_subcommand_from backup" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and __fish_seen_subcommand_from backup" -l cell -d 'The cell: one deployment\'s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and __fish_seen_subcommand_from backup" -l queue-key -d 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and __fish_seen_subcommand_from backup" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and __fish_seen_subcommand_from backup" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and __fish_seen_subcommand_from backup" -l redis-sentinel -d 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and __fish_seen_subcommand_from backup" -l redis-cluster -d 'Talk to a Redis Cluster through these nodes, host:port,host:port,… (the slot map is learnt from them; excludes --redis-addr and --redis-sentinel) [env: REDIS_CLUSTER_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and __fish_seen_subcommand_from backup" -l redis-sentinel-master -d 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and __fish_seen_subcommand_from backup" -l redis-sentinel-username -d 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and __fish_seen_subcommand_from backup" -l redis-sentinel-password-file -d 'Read the Sentinels\' own password (not the data nodes\') from this file [env: REDIS_SENTINEL_PASSWORD]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and __fish_seen_subcommand_from backup" -l tls-ca-file -d 'PEM file of the CA that signed the servers\' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and __fish_seen_subcommand_from backup" -l tls-cert-file -d 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and __fish_seen_subcommand_from backup" -l tls-key-file -d 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and __fish_seen_subcommand_from backup" -l min-replicas-ack -d 'After each acknowledged write (submit, policy change, cancel, a run\'s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and __fish_seen_subcommand_from backup" -l min-replicas-timeout -d 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and __fish_seen_subcommand_from backup" -l redis-timeout -d 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and __fish_seen_subcommand_from backup" -l redis-connect-timeout -d 'How long connecting to Redis may take [default: 3s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and __fish_seen_subcommand_from backup" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and __fish_seen_subcommand_from backup" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and __fish_seen_subcommand_from backup" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and __fish_seen_subcommand_from backup" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and __fish_seen_subcommand_from backup" -l tls-insecure -d 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and __fish_seen_subcommand_from backup" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and __fish_seen_subcommand_from backup" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and __fish_seen_subcommand_from cells" -l cells -d 'Cells per round, comma-separated: one round each (cells on distinct masters in a cluster)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and __fish_seen_subcommand_from cells" -l runs -d 'Runs per cell' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and __fish_seen_subcommand_from cells" -l batch -d 'Scheduler batch size' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and __fish_seen_subcommand_from cells" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and __fish_seen_subcommand_from cells" -l log-format -d 'Log lines on stderr: text, or one JSON object per line (for log collectors)' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line: timestamp (RFC 3339), level, message, fields'"
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and __fish_seen_subcommand_from cells" -l environment -d 'Deployment environment [env: TARTARUS_ENV]' -r -f -a "development\t'REDIS_ADDR defaults to localhost:6379; "" selects the in-memory store'
production\t'REDIS_ADDR is required and Redis must answer; no in-memory store'"
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and __fish_seen_subcommand_from cells" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and __fish_seen_subcommand_from cells" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and __fish_seen_subcommand_from cells" -l cell -d 'The cell: one deployment\'s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and __fish_seen_subcommand_from cells" -l queue-key -d 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and __fish_seen_subcommand_from cells" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and __fish_seen_subcommand_from cells" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and __fish_seen_subcommand_from cells" -l redis-sentinel -d 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and __fish_seen_subcommand_from cells" -l redis-cluster -d 'Talk to a Redis Cluster through these nodes, host:port,host:port,… (the slot map is learnt from them; excludes --redis-addr and --redis-sentinel) [env: REDIS_CLUSTER_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and __fish_seen_subcommand_from cells" -l redis-sentinel-master -d 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and __fish_seen_subcommand_from cells" -l redis-sentinel-username -d 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and __fish_seen_subcommand_from cells" -l redis-sentinel-password-file -d 'Read the Sentinels\' own password (not the data nodes\') from this file [env: REDIS_SENTINEL_PASSWORD]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and __fish_seen_subcommand_from cells" -l tls-ca-file -d 'PEM file of the CA that signed the servers\' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and __fish_seen_subcommand_from cells" -l tls-cert-file -d 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and __fish_seen_subcommand_from cells" -l tls-key-file -d 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and __fish_seen_subcommand_from cells" -l min-replicas-ack -d 'After each acknowledged write (submit, policy change, cancel, a run\'s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and __fish_seen_subcommand_from cells" -l min-replicas-timeout -d 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and __fish_seen_subcommand_from cells" -l redis-timeout -d 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and __fish_seen_subcommand_from cells" -l redis-connect-timeout -d 'How long connecting to Redis may take [default: 3s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and __fish_seen_subcommand_from cells" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and __fish_seen_subcommand_from cells" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and __fish_seen_subcommand_from cells" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and __fish_seen_subcommand_from cells" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and __fish_seen_subcommand_from cells" -l tls-insecure -d 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and __fish_seen_subcommand_from cells" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and __fish_seen_subcommand_from cells" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and __fish_seen_subcommand_from help" -f -a "backup" -d 'Backup and restore speed against redis-cli (--rdb and --pipe) on the same server'
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and __fish_seen_subcommand_from help" -f -a "cells" -d 'The submit → scheduled path in 1, 2, 3… cells at once, one scheduler per cell, with the rate per cell, the total, and the Redis CPU of each master'
complete -c tartarus -n "__fish_tartarus_using_subcommand bench; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tartarus -n "__fish_tartarus_using_subcommand completions" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand completions" -l log-format -d 'Log lines on stderr: text, or one JSON object per line (for log collectors)' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line: timestamp (RFC 3339), level, message, fields'"
complete -c tartarus -n "__fish_tartarus_using_subcommand completions" -l environment -d 'Deployment environment [env: TARTARUS_ENV]' -r -f -a "development\t'REDIS_ADDR defaults to localhost:6379; "" selects the in-memory store'
production\t'REDIS_ADDR is required and Redis must answer; no in-memory store'"
complete -c tartarus -n "__fish_tartarus_using_subcommand completions" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand completions" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand completions" -l cell -d 'The cell: one deployment\'s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand completions" -l queue-key -d 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand completions" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand completions" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand completions" -l redis-sentinel -d 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand completions" -l redis-cluster -d 'Talk to a Redis Cluster through these nodes, host:port,host:port,… (the slot map is learnt from them; excludes --redis-addr and --redis-sentinel) [env: REDIS_CLUSTER_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand completions" -l redis-sentinel-master -d 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand completions" -l redis-sentinel-username -d 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand completions" -l redis-sentinel-password-file -d 'Read the Sentinels\' own password (not the data nodes\') from this file [env: REDIS_SENTINEL_PASSWORD]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand completions" -l tls-ca-file -d 'PEM file of the CA that signed the servers\' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand completions" -l tls-cert-file -d 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand completions" -l tls-key-file -d 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand completions" -l min-replicas-ack -d 'After each acknowledged write (submit, policy change, cancel, a run\'s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand completions" -l min-replicas-timeout -d 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand completions" -l redis-timeout -d 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand completions" -l redis-connect-timeout -d 'How long connecting to Redis may take [default: 3s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand completions" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand completions" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand completions" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand completions" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand completions" -l tls-insecure -d 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand completions" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand man" -l dir -d 'Folder to write `tartarus*.1` into' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand man" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand man" -l log-format -d 'Log lines on stderr: text, or one JSON object per line (for log collectors)' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line: timestamp (RFC 3339), level, message, fields'"
complete -c tartarus -n "__fish_tartarus_using_subcommand man" -l environment -d 'Deployment environment [env: TARTARUS_ENV]' -r -f -a "development\t'REDIS_ADDR defaults to localhost:6379; "" selects the in-memory store'
production\t'REDIS_ADDR is required and Redis must answer; no in-memory store'"
complete -c tartarus -n "__fish_tartarus_using_subcommand man" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand man" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand man" -l cell -d 'The cell: one deployment\'s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand man" -l queue-key -d 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand man" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand man" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand man" -l redis-sentinel -d 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand man" -l redis-cluster -d 'Talk to a Redis Cluster through these nodes, host:port,host:port,… (the slot map is learnt from them; excludes --redis-addr and --redis-sentinel) [env: REDIS_CLUSTER_ADDRS]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand man" -l redis-sentinel-master -d 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand man" -l redis-sentinel-username -d 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand man" -l redis-sentinel-password-file -d 'Read the Sentinels\' own password (not the data nodes\') from this file [env: REDIS_SENTINEL_PASSWORD]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand man" -l tls-ca-file -d 'PEM file of the CA that signed the servers\' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand man" -l tls-cert-file -d 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand man" -l tls-key-file -d 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand man" -l min-replicas-ack -d 'After each acknowledged write (submit, policy change, cancel, a run\'s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand man" -l min-replicas-timeout -d 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand man" -l redis-timeout -d 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand man" -l redis-connect-timeout -d 'How long connecting to Redis may take [default: 3s]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand man" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand man" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand man" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand man" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand man" -l tls-insecure -d 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand man" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand man" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and not __fish_seen_subcommand_from sandbox queue node policy scheduler agent up top config redis backup metrics verify migrate bench completions man help" -f -a "sandbox" -d 'Submit, list, inspect, wait for and cancel sandbox runs (Hades)'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and not __fish_seen_subcommand_from sandbox queue node policy scheduler agent up top config redis backup metrics verify migrate bench completions man help" -f -a "queue" -d 'Inspect and repair the Acheron queue'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and not __fish_seen_subcommand_from sandbox queue node policy scheduler agent up top config redis backup metrics verify migrate bench completions man help" -f -a "node" -d 'The node registry: heartbeats, labels, drain, remove'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and not __fish_seen_subcommand_from sandbox queue node policy scheduler agent up top config redis backup metrics verify migrate bench completions man help" -f -a "policy" -d 'Themis admission policies: apply, list, test, history, rollback'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and not __fish_seen_subcommand_from sandbox queue node policy scheduler agent up top config redis backup metrics verify migrate bench completions man help" -f -a "scheduler" -d 'The embedded scheduler loop (Rhadamanthus admission, Phlegethon/Typhon routing)'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and not __fish_seen_subcommand_from sandbox queue node policy scheduler agent up top config redis backup metrics verify migrate bench completions man help" -f -a "agent" -d 'A node agent that runs the sandboxes scheduled to its node'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and not __fish_seen_subcommand_from sandbox queue node policy scheduler agent up top config redis backup metrics verify migrate bench completions man help" -f -a "up" -d 'Everything in one process: local agents, a scheduler, optional policies and a sandbox file; with --until-idle, runs the file to the end and prints a summary'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and not __fish_seen_subcommand_from sandbox queue node policy scheduler agent up top config redis backup metrics verify migrate bench completions man help" -f -a "top" -d 'A live view: queue depth per state, runs per second, schedulers, nodes, latest events (JSON lines when stdout is not a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and not __fish_seen_subcommand_from sandbox queue node policy scheduler agent up top config redis backup metrics verify migrate bench completions man help" -f -a "config" -d 'Show the effective configuration'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and not __fish_seen_subcommand_from sandbox queue node policy scheduler agent up top config redis backup metrics verify migrate bench completions man help" -f -a "redis" -d 'Redis persistence: health checks (monitoring exit codes) and the recommended settings'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and not __fish_seen_subcommand_from sandbox queue node policy scheduler agent up top config redis backup metrics verify migrate bench completions man help" -f -a "backup" -d 'Backups: create, list, verify, prune, restore'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and not __fish_seen_subcommand_from sandbox queue node policy scheduler agent up top config redis backup metrics verify migrate bench completions man help" -f -a "metrics" -d 'Node_exporter textfile metrics for cron jobs: backups (local and off-machine), verify results, Redis persistence status, queue depth'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and not __fish_seen_subcommand_from sandbox queue node policy scheduler agent up top config redis backup metrics verify migrate bench completions man help" -f -a "verify" -d 'End-to-end checks for CI (`verify persistence`)'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and not __fish_seen_subcommand_from sandbox queue node policy scheduler agent up top config redis backup metrics verify migrate bench completions man help" -f -a "migrate" -d 'Bring a cell to this version\'s schema: raise an older cell\'s version, or move a deployment from the key layout before cells into a cell (in place, or --from an old server); resumable, --dry-run counts'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and not __fish_seen_subcommand_from sandbox queue node policy scheduler agent up top config redis backup metrics verify migrate bench completions man help" -f -a "bench" -d 'Measure throughput against the configured store (`bench backup`: backup and restore speed)'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and not __fish_seen_subcommand_from sandbox queue node policy scheduler agent up top config redis backup metrics verify migrate bench completions man help" -f -a "completions" -d 'Print shell completions (bash, zsh, fish, powershell, elvish)'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and not __fish_seen_subcommand_from sandbox queue node policy scheduler agent up top config redis backup metrics verify migrate bench completions man help" -f -a "man" -d 'Write man pages for every command into a folder'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and not __fish_seen_subcommand_from sandbox queue node policy scheduler agent up top config redis backup metrics verify migrate bench completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and __fish_seen_subcommand_from sandbox" -f -a "submit" -d 'Submit sandboxes from a YAML file (many documents = bulk, pipelined) or from flags'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and __fish_seen_subcommand_from sandbox" -f -a "list" -d 'List runs, oldest first, with filters and paging'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and __fish_seen_subcommand_from sandbox" -f -a "get" -d 'Show one run: its document (resubmittable with -o yaml), verdict, placement, outcome and recent events'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and __fish_seen_subcommand_from sandbox" -f -a "wait" -d 'Wait until runs finish; the exit code is that of the worst run'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and __fish_seen_subcommand_from sandbox" -f -a "logs" -d 'Print a run\'s output: the full log when it is readable here, else the stored tail'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and __fish_seen_subcommand_from sandbox" -f -a "watch" -d 'Stream run and policy events as they happen (`-o json`: one JSON object per line)'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and __fish_seen_subcommand_from sandbox" -f -a "cancel" -d 'Cancel runs in any unfinished state (frees their node capacity)'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and __fish_seen_subcommand_from sandbox" -f -a "export" -d 'Write finished runs with their events as JSON lines (before retention deletes them)'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and __fish_seen_subcommand_from queue" -f -a "stats" -d 'Depth, in-flight, pending and dead counts, pause state and runs per state (all O(1))'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and __fish_seen_subcommand_from queue" -f -a "list" -d 'List the entries of one Acheron list, a page at a time'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and __fish_seen_subcommand_from queue" -f -a "peek" -d 'The next runs a scheduler would claim, with their names'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and __fish_seen_subcommand_from queue" -f -a "purge" -d 'Empty a list: queued, leased and pending runs are cancelled; dead letters are deleted with their data'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and __fish_seen_subcommand_from queue" -f -a "retry" -d 'Send dead letters back to the queue (attempts reset)'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and __fish_seen_subcommand_from queue" -f -a "pause" -d 'Stop schedulers from claiming (submissions still queue up)'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and __fish_seen_subcommand_from queue" -f -a "resume" -d 'Let schedulers claim again'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and __fish_seen_subcommand_from node" -f -a "register" -d 'Send one heartbeat for a node (for scripts; agents heartbeat on their own)'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and __fish_seen_subcommand_from node" -f -a "list" -d 'Every known node: alive or expired, pools, capacity, usage, heartbeat age'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and __fish_seen_subcommand_from node" -f -a "get" -d 'One node with the runs placed on it'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and __fish_seen_subcommand_from node" -f -a "label" -d 'Set labels (k=v) or remove them (k-) on a live node'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and __fish_seen_subcommand_from node" -f -a "drain" -d 'Stop placing new work on a node (`--undo` to resume)'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and __fish_seen_subcommand_from node" -f -a "remove" -d 'Forget a node; its runs are requeued (or dead-lettered after too many attempts)'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and __fish_seen_subcommand_from policy" -f -a "apply" -d 'Validate and store policies from a YAML file (one bad document applies nothing); an unchanged set is reported as such and bumps nothing'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and __fish_seen_subcommand_from policy" -f -a "list" -d 'Stored policies with their mode and rule count'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and __fish_seen_subcommand_from policy" -f -a "get" -d 'One stored policy as YAML/JSON'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and __fish_seen_subcommand_from policy" -f -a "delete" -d 'Delete policies (one version bump)'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and __fish_seen_subcommand_from policy" -f -a "history" -d 'Changes, newest first: version, time, who, what'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and __fish_seen_subcommand_from policy" -f -a "rollback" -d 'Restore the policy set as it stood after version N (recorded as a new version)'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and __fish_seen_subcommand_from policy" -f -a "test" -d 'Judge a sandbox file against the stored policies (or --policies FILE, offline) and explain the verdict; exits 0 allow, 20 deny, 21 quarantine'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and __fish_seen_subcommand_from scheduler" -f -a "run" -d 'Run the scheduler loop until SIGINT/SIGTERM (or, with --once, until the queue is empty)'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and __fish_seen_subcommand_from agent" -f -a "run" -d 'Run an agent for one node until SIGINT/SIGTERM (then drain)'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "show" -d 'Print every setting, its value and its source (flag, env, url, store, default); the password is redacted, and a setting that is not set is null (JSON) or `-` (table). Cell settings kept in Redis (the retention window, `retain_finished_ms`) are read from the store (null, with a warning, when it cannot be reached)'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and __fish_seen_subcommand_from redis" -f -a "health" -d 'Persistence health: one row per check (AOF, RDB saves, save rules, eviction policy, memory, loading, the role, each replica with its lag, the Sentinels\' quorum, the ACL user), each OK / WARNING / CRITICAL with what it means and how to fix it'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and __fish_seen_subcommand_from redis" -f -a "configure" -d 'Compare the live settings with the recommended persistence profile; `--apply` sets them'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and __fish_seen_subcommand_from backup" -f -a "create" -d 'Take a backup into a new dated folder (manifest.json with sizes, SHA-256, versions, key counts)'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and __fish_seen_subcommand_from backup" -f -a "copy" -d 'Copy a backup off the machine: to a folder (an NFS or EFS mount) or object storage'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and __fish_seen_subcommand_from backup" -f -a "list" -d 'The backups in the directory, oldest first, with a quick status (sizes only; see verify)'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and __fish_seen_subcommand_from backup" -f -a "verify" -d 'Check a backup: no links or special files in it, manifest, size and SHA-256 of every file, RDB magic/version/CRC-64, AOF manifest, the RESTORE file of logical backups, and redis-check-rdb/-aof when installed'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and __fish_seen_subcommand_from backup" -f -a "prune" -d 'Delete backups older than --keep-days that are not among the newest --keep-last'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and __fish_seen_subcommand_from backup" -f -a "restore" -d 'Restore a backup: offline into a stopped server\'s data dir, or online (logical backups)'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and __fish_seen_subcommand_from verify" -f -a "persistence" -d 'Prove that Redis keeps what tartarus writes: write a canary, restart, read it back'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and __fish_seen_subcommand_from bench" -f -a "backup" -d 'Backup and restore speed against redis-cli (--rdb and --pipe) on the same server'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and __fish_seen_subcommand_from bench" -f -a "cells" -d 'The submit → scheduled path in 1, 2, 3… cells at once, one scheduler per cell, with the rate per cell, the total, and the Redis CPU of each master'
