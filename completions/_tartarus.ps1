
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'tartarus' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'tartarus'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'tartarus' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr: text, or one JSON object per line (for log collectors)')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Deployment environment [env: TARTARUS_ENV]')
            [CompletionResult]::new('--redis-addr', '--redis-addr', [CompletionResultType]::ParameterName, 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]')
            [CompletionResult]::new('--redis-db', '--redis-db', [CompletionResultType]::ParameterName, 'Redis database number [env: REDIS_DB]')
            [CompletionResult]::new('--cell', '--cell', [CompletionResultType]::ParameterName, 'The cell: one deployment''s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]')
            [CompletionResult]::new('--queue-key', '--queue-key', [CompletionResultType]::ParameterName, 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]')
            [CompletionResult]::new('--redis-username', '--redis-username', [CompletionResultType]::ParameterName, 'ACL user name [env: REDIS_USERNAME]')
            [CompletionResult]::new('--redis-password-file', '--redis-password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]')
            [CompletionResult]::new('--redis-sentinel', '--redis-sentinel', [CompletionResultType]::ParameterName, 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]')
            [CompletionResult]::new('--redis-sentinel-master', '--redis-sentinel-master', [CompletionResultType]::ParameterName, 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]')
            [CompletionResult]::new('--redis-sentinel-username', '--redis-sentinel-username', [CompletionResultType]::ParameterName, 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]')
            [CompletionResult]::new('--redis-sentinel-password-file', '--redis-sentinel-password-file', [CompletionResultType]::ParameterName, 'Read the Sentinels'' own password (not the data nodes'') from this file [env: REDIS_SENTINEL_PASSWORD]')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'PEM file of the CA that signed the servers'' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]')
            [CompletionResult]::new('--min-replicas-ack', '--min-replicas-ack', [CompletionResultType]::ParameterName, 'After each acknowledged write (submit, policy change, cancel, a run''s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]')
            [CompletionResult]::new('--min-replicas-timeout', '--min-replicas-timeout', [CompletionResultType]::ParameterName, 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]')
            [CompletionResult]::new('--redis-timeout', '--redis-timeout', [CompletionResultType]::ParameterName, 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)')
            [CompletionResult]::new('--redis-connect-timeout', '--redis-connect-timeout', [CompletionResultType]::ParameterName, 'How long connecting to Redis may take [default: 3s]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the in-memory store (development only; state is lost on exit)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('sandbox', 'sandbox', [CompletionResultType]::ParameterValue, 'Submit, list, inspect, wait for and cancel sandbox runs (Hades)')
            [CompletionResult]::new('queue', 'queue', [CompletionResultType]::ParameterValue, 'Inspect and repair the Acheron queue')
            [CompletionResult]::new('node', 'node', [CompletionResultType]::ParameterValue, 'The node registry: heartbeats, labels, drain, remove')
            [CompletionResult]::new('policy', 'policy', [CompletionResultType]::ParameterValue, 'Themis admission policies: apply, list, test, history, rollback')
            [CompletionResult]::new('scheduler', 'scheduler', [CompletionResultType]::ParameterValue, 'The embedded scheduler loop (Rhadamanthus admission, Phlegethon/Typhon routing)')
            [CompletionResult]::new('agent', 'agent', [CompletionResultType]::ParameterValue, 'A node agent that runs the sandboxes scheduled to its node')
            [CompletionResult]::new('up', 'up', [CompletionResultType]::ParameterValue, 'Everything in one process: local agents, a scheduler, optional policies and a sandbox file; with --until-idle, runs the file to the end and prints a summary')
            [CompletionResult]::new('top', 'top', [CompletionResultType]::ParameterValue, 'A live view: queue depth per state, runs per second, schedulers, nodes, latest events (JSON lines when stdout is not a terminal)')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show the effective configuration')
            [CompletionResult]::new('redis', 'redis', [CompletionResultType]::ParameterValue, 'Redis persistence: health checks (monitoring exit codes) and the recommended settings')
            [CompletionResult]::new('backup', 'backup', [CompletionResultType]::ParameterValue, 'Backups: create, list, verify, prune, restore')
            [CompletionResult]::new('metrics', 'metrics', [CompletionResultType]::ParameterValue, 'Node_exporter textfile metrics for cron jobs: backups (local and off-machine), verify results, Redis persistence status, queue depth')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'End-to-end checks for CI (`verify persistence`)')
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Move a deployment from the key layout before cells into a cell (in place, or --from an old server); resumable, --dry-run counts')
            [CompletionResult]::new('bench', 'bench', [CompletionResultType]::ParameterValue, 'Measure throughput against the configured store (`bench backup`: backup and restore speed)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print shell completions (bash, zsh, fish, powershell, elvish)')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Write man pages for every command into a folder')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tartarus;sandbox' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr: text, or one JSON object per line (for log collectors)')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Deployment environment [env: TARTARUS_ENV]')
            [CompletionResult]::new('--redis-addr', '--redis-addr', [CompletionResultType]::ParameterName, 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]')
            [CompletionResult]::new('--redis-db', '--redis-db', [CompletionResultType]::ParameterName, 'Redis database number [env: REDIS_DB]')
            [CompletionResult]::new('--cell', '--cell', [CompletionResultType]::ParameterName, 'The cell: one deployment''s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]')
            [CompletionResult]::new('--queue-key', '--queue-key', [CompletionResultType]::ParameterName, 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]')
            [CompletionResult]::new('--redis-username', '--redis-username', [CompletionResultType]::ParameterName, 'ACL user name [env: REDIS_USERNAME]')
            [CompletionResult]::new('--redis-password-file', '--redis-password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]')
            [CompletionResult]::new('--redis-sentinel', '--redis-sentinel', [CompletionResultType]::ParameterName, 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]')
            [CompletionResult]::new('--redis-sentinel-master', '--redis-sentinel-master', [CompletionResultType]::ParameterName, 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]')
            [CompletionResult]::new('--redis-sentinel-username', '--redis-sentinel-username', [CompletionResultType]::ParameterName, 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]')
            [CompletionResult]::new('--redis-sentinel-password-file', '--redis-sentinel-password-file', [CompletionResultType]::ParameterName, 'Read the Sentinels'' own password (not the data nodes'') from this file [env: REDIS_SENTINEL_PASSWORD]')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'PEM file of the CA that signed the servers'' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]')
            [CompletionResult]::new('--min-replicas-ack', '--min-replicas-ack', [CompletionResultType]::ParameterName, 'After each acknowledged write (submit, policy change, cancel, a run''s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]')
            [CompletionResult]::new('--min-replicas-timeout', '--min-replicas-timeout', [CompletionResultType]::ParameterName, 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]')
            [CompletionResult]::new('--redis-timeout', '--redis-timeout', [CompletionResultType]::ParameterName, 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)')
            [CompletionResult]::new('--redis-connect-timeout', '--redis-connect-timeout', [CompletionResultType]::ParameterName, 'How long connecting to Redis may take [default: 3s]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the in-memory store (development only; state is lost on exit)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('submit', 'submit', [CompletionResultType]::ParameterValue, 'Submit sandboxes from a YAML file (many documents = bulk, pipelined) or from flags')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List runs, oldest first, with filters and paging')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one run: its document (resubmittable with -o yaml), verdict, placement, outcome and recent events')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Wait until runs finish; the exit code is that of the worst run')
            [CompletionResult]::new('logs', 'logs', [CompletionResultType]::ParameterValue, 'Print a run''s output: the full log when it is readable here, else the stored tail')
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'Stream run and policy events as they happen (`-o json`: one JSON object per line)')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Cancel runs in any unfinished state (frees their node capacity)')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write finished runs with their events as JSON lines (before retention deletes them)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tartarus;sandbox;submit' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'YAML file with one or more sandbox documents (`-` reads stdin)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'YAML file with one or more sandbox documents (`-` reads stdin)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Name of the sandbox (flags mode)')
            [CompletionResult]::new('--image', '--image', [CompletionResultType]::ParameterName, 'Image to run (flags mode; the command follows `--`)')
            [CompletionResult]::new('--cpu', '--cpu', [CompletionResultType]::ParameterName, 'CPU: cores (`2`, `0.5`) or millicores (`500m`)')
            [CompletionResult]::new('--memory', '--memory', [CompletionResultType]::ParameterName, 'Memory: `512Mi`, `2Gi`')
            [CompletionResult]::new('--gpu', '--gpu', [CompletionResultType]::ParameterName, 'GPUs')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'The sandbox''s own timeout: `30s`, `5m`, `1h` (the wait''s is --wait-timeout)')
            [CompletionResult]::new('--heat', '--heat', [CompletionResultType]::ParameterName, 'Heat class; classified from resources and timeout when not given')
            [CompletionResult]::new('--priority', '--priority', [CompletionResultType]::ParameterName, 'Priority 0–1000; higher runs first')
            [CompletionResult]::new('--label', '--label', [CompletionResultType]::ParameterName, 'Label key=value (repeatable)')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Environment variable K=V (repeatable)')
            [CompletionResult]::new('--idempotency-key', '--idempotency-key', [CompletionResultType]::ParameterName, 'Make the submit idempotent: every document without its own `metadata.idempotencyKey` gets the key PREFIX + its index (0-based). Running the same command again returns the runs already stored (for 24 h, or until they are deleted) and completes the rest; a key used for other content is refused (exit 7)')
            [CompletionResult]::new('--wait-timeout', '--wait-timeout', [CompletionResultType]::ParameterName, 'With --wait: give up after this long (exit 15)')
            [CompletionResult]::new('--pending-timeout', '--pending-timeout', [CompletionResultType]::ParameterName, 'With --wait: fail (exit 17) when a run stays pending this long with no node that could ever take it; 0 waits for ever')
            [CompletionResult]::new('--max-file-size', '--max-file-size', [CompletionResultType]::ParameterName, 'Largest input file (`64Mi`, `1Gi`; at most 4Gi)')
            [CompletionResult]::new('--max-documents', '--max-documents', [CompletionResultType]::ParameterName, 'Most documents in one input file (at most 1000000)')
            [CompletionResult]::new('--command', '--command', [CompletionResultType]::ParameterName, 'Removed: the command now follows `--` (using it prints how)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr: text, or one JSON object per line (for log collectors)')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Deployment environment [env: TARTARUS_ENV]')
            [CompletionResult]::new('--redis-addr', '--redis-addr', [CompletionResultType]::ParameterName, 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]')
            [CompletionResult]::new('--redis-db', '--redis-db', [CompletionResultType]::ParameterName, 'Redis database number [env: REDIS_DB]')
            [CompletionResult]::new('--cell', '--cell', [CompletionResultType]::ParameterName, 'The cell: one deployment''s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]')
            [CompletionResult]::new('--queue-key', '--queue-key', [CompletionResultType]::ParameterName, 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]')
            [CompletionResult]::new('--redis-username', '--redis-username', [CompletionResultType]::ParameterName, 'ACL user name [env: REDIS_USERNAME]')
            [CompletionResult]::new('--redis-password-file', '--redis-password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]')
            [CompletionResult]::new('--redis-sentinel', '--redis-sentinel', [CompletionResultType]::ParameterName, 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]')
            [CompletionResult]::new('--redis-sentinel-master', '--redis-sentinel-master', [CompletionResultType]::ParameterName, 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]')
            [CompletionResult]::new('--redis-sentinel-username', '--redis-sentinel-username', [CompletionResultType]::ParameterName, 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]')
            [CompletionResult]::new('--redis-sentinel-password-file', '--redis-sentinel-password-file', [CompletionResultType]::ParameterName, 'Read the Sentinels'' own password (not the data nodes'') from this file [env: REDIS_SENTINEL_PASSWORD]')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'PEM file of the CA that signed the servers'' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]')
            [CompletionResult]::new('--min-replicas-ack', '--min-replicas-ack', [CompletionResultType]::ParameterName, 'After each acknowledged write (submit, policy change, cancel, a run''s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]')
            [CompletionResult]::new('--min-replicas-timeout', '--min-replicas-timeout', [CompletionResultType]::ParameterName, 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]')
            [CompletionResult]::new('--redis-timeout', '--redis-timeout', [CompletionResultType]::ParameterName, 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)')
            [CompletionResult]::new('--redis-connect-timeout', '--redis-connect-timeout', [CompletionResultType]::ParameterName, 'How long connecting to Redis may take [default: 3s]')
            [CompletionResult]::new('--quarantine', '--quarantine', [CompletionResultType]::ParameterName, 'Ask for quarantine: the run goes only to Typhon nodes')
            [CompletionResult]::new('--network', '--network', [CompletionResultType]::ParameterName, 'Allow network access inside the sandbox')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Wait for the runs to finish (as `sandbox wait`); the exit code is that of the worst run')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the in-memory store (development only; state is lost on exit)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tartarus;sandbox;list' {
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Only runs in this state (spelled as the output spells it)')
            [CompletionResult]::new('--heat', '--heat', [CompletionResultType]::ParameterName, 'Only runs of this heat')
            [CompletionResult]::new('--label', '--label', [CompletionResultType]::ParameterName, 'Only runs with this label (k=v)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Only runs placed on this node')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Most runs on this page; the next page''s cursor is `next` (JSON) or printed on stderr')
            [CompletionResult]::new('--cursor', '--cursor', [CompletionResultType]::ParameterName, 'Start after this cursor (the `next` of the previous page)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr: text, or one JSON object per line (for log collectors)')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Deployment environment [env: TARTARUS_ENV]')
            [CompletionResult]::new('--redis-addr', '--redis-addr', [CompletionResultType]::ParameterName, 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]')
            [CompletionResult]::new('--redis-db', '--redis-db', [CompletionResultType]::ParameterName, 'Redis database number [env: REDIS_DB]')
            [CompletionResult]::new('--cell', '--cell', [CompletionResultType]::ParameterName, 'The cell: one deployment''s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]')
            [CompletionResult]::new('--queue-key', '--queue-key', [CompletionResultType]::ParameterName, 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]')
            [CompletionResult]::new('--redis-username', '--redis-username', [CompletionResultType]::ParameterName, 'ACL user name [env: REDIS_USERNAME]')
            [CompletionResult]::new('--redis-password-file', '--redis-password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]')
            [CompletionResult]::new('--redis-sentinel', '--redis-sentinel', [CompletionResultType]::ParameterName, 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]')
            [CompletionResult]::new('--redis-sentinel-master', '--redis-sentinel-master', [CompletionResultType]::ParameterName, 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]')
            [CompletionResult]::new('--redis-sentinel-username', '--redis-sentinel-username', [CompletionResultType]::ParameterName, 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]')
            [CompletionResult]::new('--redis-sentinel-password-file', '--redis-sentinel-password-file', [CompletionResultType]::ParameterName, 'Read the Sentinels'' own password (not the data nodes'') from this file [env: REDIS_SENTINEL_PASSWORD]')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'PEM file of the CA that signed the servers'' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]')
            [CompletionResult]::new('--min-replicas-ack', '--min-replicas-ack', [CompletionResultType]::ParameterName, 'After each acknowledged write (submit, policy change, cancel, a run''s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]')
            [CompletionResult]::new('--min-replicas-timeout', '--min-replicas-timeout', [CompletionResultType]::ParameterName, 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]')
            [CompletionResult]::new('--redis-timeout', '--redis-timeout', [CompletionResultType]::ParameterName, 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)')
            [CompletionResult]::new('--redis-connect-timeout', '--redis-connect-timeout', [CompletionResultType]::ParameterName, 'How long connecting to Redis may take [default: 3s]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every page (ignores --limit)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the in-memory store (development only; state is lost on exit)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tartarus;sandbox;get' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr: text, or one JSON object per line (for log collectors)')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Deployment environment [env: TARTARUS_ENV]')
            [CompletionResult]::new('--redis-addr', '--redis-addr', [CompletionResultType]::ParameterName, 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]')
            [CompletionResult]::new('--redis-db', '--redis-db', [CompletionResultType]::ParameterName, 'Redis database number [env: REDIS_DB]')
            [CompletionResult]::new('--cell', '--cell', [CompletionResultType]::ParameterName, 'The cell: one deployment''s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]')
            [CompletionResult]::new('--queue-key', '--queue-key', [CompletionResultType]::ParameterName, 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]')
            [CompletionResult]::new('--redis-username', '--redis-username', [CompletionResultType]::ParameterName, 'ACL user name [env: REDIS_USERNAME]')
            [CompletionResult]::new('--redis-password-file', '--redis-password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]')
            [CompletionResult]::new('--redis-sentinel', '--redis-sentinel', [CompletionResultType]::ParameterName, 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]')
            [CompletionResult]::new('--redis-sentinel-master', '--redis-sentinel-master', [CompletionResultType]::ParameterName, 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]')
            [CompletionResult]::new('--redis-sentinel-username', '--redis-sentinel-username', [CompletionResultType]::ParameterName, 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]')
            [CompletionResult]::new('--redis-sentinel-password-file', '--redis-sentinel-password-file', [CompletionResultType]::ParameterName, 'Read the Sentinels'' own password (not the data nodes'') from this file [env: REDIS_SENTINEL_PASSWORD]')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'PEM file of the CA that signed the servers'' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]')
            [CompletionResult]::new('--min-replicas-ack', '--min-replicas-ack', [CompletionResultType]::ParameterName, 'After each acknowledged write (submit, policy change, cancel, a run''s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]')
            [CompletionResult]::new('--min-replicas-timeout', '--min-replicas-timeout', [CompletionResultType]::ParameterName, 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]')
            [CompletionResult]::new('--redis-timeout', '--redis-timeout', [CompletionResultType]::ParameterName, 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)')
            [CompletionResult]::new('--redis-connect-timeout', '--redis-connect-timeout', [CompletionResultType]::ParameterName, 'How long connecting to Redis may take [default: 3s]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the in-memory store (development only; state is lost on exit)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tartarus;sandbox;wait' {
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up after this long (exit 15); no default, a run may last days')
            [CompletionResult]::new('--pending-timeout', '--pending-timeout', [CompletionResultType]::ParameterName, 'Fail (exit 17) when a run stays pending this long with no node that could ever take it; 0 waits for ever')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr: text, or one JSON object per line (for log collectors)')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Deployment environment [env: TARTARUS_ENV]')
            [CompletionResult]::new('--redis-addr', '--redis-addr', [CompletionResultType]::ParameterName, 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]')
            [CompletionResult]::new('--redis-db', '--redis-db', [CompletionResultType]::ParameterName, 'Redis database number [env: REDIS_DB]')
            [CompletionResult]::new('--cell', '--cell', [CompletionResultType]::ParameterName, 'The cell: one deployment''s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]')
            [CompletionResult]::new('--queue-key', '--queue-key', [CompletionResultType]::ParameterName, 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]')
            [CompletionResult]::new('--redis-username', '--redis-username', [CompletionResultType]::ParameterName, 'ACL user name [env: REDIS_USERNAME]')
            [CompletionResult]::new('--redis-password-file', '--redis-password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]')
            [CompletionResult]::new('--redis-sentinel', '--redis-sentinel', [CompletionResultType]::ParameterName, 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]')
            [CompletionResult]::new('--redis-sentinel-master', '--redis-sentinel-master', [CompletionResultType]::ParameterName, 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]')
            [CompletionResult]::new('--redis-sentinel-username', '--redis-sentinel-username', [CompletionResultType]::ParameterName, 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]')
            [CompletionResult]::new('--redis-sentinel-password-file', '--redis-sentinel-password-file', [CompletionResultType]::ParameterName, 'Read the Sentinels'' own password (not the data nodes'') from this file [env: REDIS_SENTINEL_PASSWORD]')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'PEM file of the CA that signed the servers'' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]')
            [CompletionResult]::new('--min-replicas-ack', '--min-replicas-ack', [CompletionResultType]::ParameterName, 'After each acknowledged write (submit, policy change, cancel, a run''s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]')
            [CompletionResult]::new('--min-replicas-timeout', '--min-replicas-timeout', [CompletionResultType]::ParameterName, 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]')
            [CompletionResult]::new('--redis-timeout', '--redis-timeout', [CompletionResultType]::ParameterName, 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)')
            [CompletionResult]::new('--redis-connect-timeout', '--redis-connect-timeout', [CompletionResultType]::ParameterName, 'How long connecting to Redis may take [default: 3s]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the in-memory store (development only; state is lost on exit)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tartarus;sandbox;logs' {
            [CompletionResult]::new('--pending-timeout', '--pending-timeout', [CompletionResultType]::ParameterName, 'With --follow: how long the run may stay pending with no node that could ever take it; 0 waits for ever')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr: text, or one JSON object per line (for log collectors)')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Deployment environment [env: TARTARUS_ENV]')
            [CompletionResult]::new('--redis-addr', '--redis-addr', [CompletionResultType]::ParameterName, 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]')
            [CompletionResult]::new('--redis-db', '--redis-db', [CompletionResultType]::ParameterName, 'Redis database number [env: REDIS_DB]')
            [CompletionResult]::new('--cell', '--cell', [CompletionResultType]::ParameterName, 'The cell: one deployment''s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]')
            [CompletionResult]::new('--queue-key', '--queue-key', [CompletionResultType]::ParameterName, 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]')
            [CompletionResult]::new('--redis-username', '--redis-username', [CompletionResultType]::ParameterName, 'ACL user name [env: REDIS_USERNAME]')
            [CompletionResult]::new('--redis-password-file', '--redis-password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]')
            [CompletionResult]::new('--redis-sentinel', '--redis-sentinel', [CompletionResultType]::ParameterName, 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]')
            [CompletionResult]::new('--redis-sentinel-master', '--redis-sentinel-master', [CompletionResultType]::ParameterName, 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]')
            [CompletionResult]::new('--redis-sentinel-username', '--redis-sentinel-username', [CompletionResultType]::ParameterName, 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]')
            [CompletionResult]::new('--redis-sentinel-password-file', '--redis-sentinel-password-file', [CompletionResultType]::ParameterName, 'Read the Sentinels'' own password (not the data nodes'') from this file [env: REDIS_SENTINEL_PASSWORD]')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'PEM file of the CA that signed the servers'' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]')
            [CompletionResult]::new('--min-replicas-ack', '--min-replicas-ack', [CompletionResultType]::ParameterName, 'After each acknowledged write (submit, policy change, cancel, a run''s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]')
            [CompletionResult]::new('--min-replicas-timeout', '--min-replicas-timeout', [CompletionResultType]::ParameterName, 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]')
            [CompletionResult]::new('--redis-timeout', '--redis-timeout', [CompletionResultType]::ParameterName, 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)')
            [CompletionResult]::new('--redis-connect-timeout', '--redis-connect-timeout', [CompletionResultType]::ParameterName, 'How long connecting to Redis may take [default: 3s]')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Keep printing until the run ends (failing fast as `sandbox wait` does: exit 16 without a live scheduler, 17 when the run stays pending with no node that could take it)')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'Keep printing until the run ends (failing fast as `sandbox wait` does: exit 16 without a live scheduler, 17 when the run stays pending with no node that could take it)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the in-memory store (development only; state is lost on exit)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tartarus;sandbox;watch' {
            [CompletionResult]::new('--run', '--run', [CompletionResultType]::ParameterName, 'Only this run''s events')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Stop after this many events')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr: text, or one JSON object per line (for log collectors)')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Deployment environment [env: TARTARUS_ENV]')
            [CompletionResult]::new('--redis-addr', '--redis-addr', [CompletionResultType]::ParameterName, 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]')
            [CompletionResult]::new('--redis-db', '--redis-db', [CompletionResultType]::ParameterName, 'Redis database number [env: REDIS_DB]')
            [CompletionResult]::new('--cell', '--cell', [CompletionResultType]::ParameterName, 'The cell: one deployment''s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]')
            [CompletionResult]::new('--queue-key', '--queue-key', [CompletionResultType]::ParameterName, 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]')
            [CompletionResult]::new('--redis-username', '--redis-username', [CompletionResultType]::ParameterName, 'ACL user name [env: REDIS_USERNAME]')
            [CompletionResult]::new('--redis-password-file', '--redis-password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]')
            [CompletionResult]::new('--redis-sentinel', '--redis-sentinel', [CompletionResultType]::ParameterName, 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]')
            [CompletionResult]::new('--redis-sentinel-master', '--redis-sentinel-master', [CompletionResultType]::ParameterName, 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]')
            [CompletionResult]::new('--redis-sentinel-username', '--redis-sentinel-username', [CompletionResultType]::ParameterName, 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]')
            [CompletionResult]::new('--redis-sentinel-password-file', '--redis-sentinel-password-file', [CompletionResultType]::ParameterName, 'Read the Sentinels'' own password (not the data nodes'') from this file [env: REDIS_SENTINEL_PASSWORD]')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'PEM file of the CA that signed the servers'' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]')
            [CompletionResult]::new('--min-replicas-ack', '--min-replicas-ack', [CompletionResultType]::ParameterName, 'After each acknowledged write (submit, policy change, cancel, a run''s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]')
            [CompletionResult]::new('--min-replicas-timeout', '--min-replicas-timeout', [CompletionResultType]::ParameterName, 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]')
            [CompletionResult]::new('--redis-timeout', '--redis-timeout', [CompletionResultType]::ParameterName, 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)')
            [CompletionResult]::new('--redis-connect-timeout', '--redis-connect-timeout', [CompletionResultType]::ParameterName, 'How long connecting to Redis may take [default: 3s]')
            [CompletionResult]::new('--from-start', '--from-start', [CompletionResultType]::ParameterName, 'Start from the oldest event kept instead of only new ones')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the in-memory store (development only; state is lost on exit)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tartarus;sandbox;cancel' {
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Reason recorded on the run')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr: text, or one JSON object per line (for log collectors)')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Deployment environment [env: TARTARUS_ENV]')
            [CompletionResult]::new('--redis-addr', '--redis-addr', [CompletionResultType]::ParameterName, 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]')
            [CompletionResult]::new('--redis-db', '--redis-db', [CompletionResultType]::ParameterName, 'Redis database number [env: REDIS_DB]')
            [CompletionResult]::new('--cell', '--cell', [CompletionResultType]::ParameterName, 'The cell: one deployment''s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]')
            [CompletionResult]::new('--queue-key', '--queue-key', [CompletionResultType]::ParameterName, 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]')
            [CompletionResult]::new('--redis-username', '--redis-username', [CompletionResultType]::ParameterName, 'ACL user name [env: REDIS_USERNAME]')
            [CompletionResult]::new('--redis-password-file', '--redis-password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]')
            [CompletionResult]::new('--redis-sentinel', '--redis-sentinel', [CompletionResultType]::ParameterName, 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]')
            [CompletionResult]::new('--redis-sentinel-master', '--redis-sentinel-master', [CompletionResultType]::ParameterName, 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]')
            [CompletionResult]::new('--redis-sentinel-username', '--redis-sentinel-username', [CompletionResultType]::ParameterName, 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]')
            [CompletionResult]::new('--redis-sentinel-password-file', '--redis-sentinel-password-file', [CompletionResultType]::ParameterName, 'Read the Sentinels'' own password (not the data nodes'') from this file [env: REDIS_SENTINEL_PASSWORD]')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'PEM file of the CA that signed the servers'' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]')
            [CompletionResult]::new('--min-replicas-ack', '--min-replicas-ack', [CompletionResultType]::ParameterName, 'After each acknowledged write (submit, policy change, cancel, a run''s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]')
            [CompletionResult]::new('--min-replicas-timeout', '--min-replicas-timeout', [CompletionResultType]::ParameterName, 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]')
            [CompletionResult]::new('--redis-timeout', '--redis-timeout', [CompletionResultType]::ParameterName, 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)')
            [CompletionResult]::new('--redis-connect-timeout', '--redis-connect-timeout', [CompletionResultType]::ParameterName, 'How long connecting to Redis may take [default: 3s]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'List the runs that would be cancelled (and the ones that could not be) and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the in-memory store (development only; state is lost on exit)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tartarus;sandbox;export' {
            [CompletionResult]::new('--finished-before', '--finished-before', [CompletionResultType]::ParameterName, 'Export runs finished at or before this time (RFC 3339, e.g. 2026-11-30T00:00:00Z), or this long ago (a duration: `7d`, `12h`)')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The file to write (`.jsonl`, or `.jsonl.gz` to compress it); it appears only when complete')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr: text, or one JSON object per line (for log collectors)')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Deployment environment [env: TARTARUS_ENV]')
            [CompletionResult]::new('--redis-addr', '--redis-addr', [CompletionResultType]::ParameterName, 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]')
            [CompletionResult]::new('--redis-db', '--redis-db', [CompletionResultType]::ParameterName, 'Redis database number [env: REDIS_DB]')
            [CompletionResult]::new('--cell', '--cell', [CompletionResultType]::ParameterName, 'The cell: one deployment''s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]')
            [CompletionResult]::new('--queue-key', '--queue-key', [CompletionResultType]::ParameterName, 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]')
            [CompletionResult]::new('--redis-username', '--redis-username', [CompletionResultType]::ParameterName, 'ACL user name [env: REDIS_USERNAME]')
            [CompletionResult]::new('--redis-password-file', '--redis-password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]')
            [CompletionResult]::new('--redis-sentinel', '--redis-sentinel', [CompletionResultType]::ParameterName, 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]')
            [CompletionResult]::new('--redis-sentinel-master', '--redis-sentinel-master', [CompletionResultType]::ParameterName, 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]')
            [CompletionResult]::new('--redis-sentinel-username', '--redis-sentinel-username', [CompletionResultType]::ParameterName, 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]')
            [CompletionResult]::new('--redis-sentinel-password-file', '--redis-sentinel-password-file', [CompletionResultType]::ParameterName, 'Read the Sentinels'' own password (not the data nodes'') from this file [env: REDIS_SENTINEL_PASSWORD]')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'PEM file of the CA that signed the servers'' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]')
            [CompletionResult]::new('--min-replicas-ack', '--min-replicas-ack', [CompletionResultType]::ParameterName, 'After each acknowledged write (submit, policy change, cancel, a run''s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]')
            [CompletionResult]::new('--min-replicas-timeout', '--min-replicas-timeout', [CompletionResultType]::ParameterName, 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]')
            [CompletionResult]::new('--redis-timeout', '--redis-timeout', [CompletionResultType]::ParameterName, 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)')
            [CompletionResult]::new('--redis-connect-timeout', '--redis-connect-timeout', [CompletionResultType]::ParameterName, 'How long connecting to Redis may take [default: 3s]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the in-memory store (development only; state is lost on exit)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tartarus;sandbox;help' {
            [CompletionResult]::new('submit', 'submit', [CompletionResultType]::ParameterValue, 'Submit sandboxes from a YAML file (many documents = bulk, pipelined) or from flags')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List runs, oldest first, with filters and paging')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one run: its document (resubmittable with -o yaml), verdict, placement, outcome and recent events')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Wait until runs finish; the exit code is that of the worst run')
            [CompletionResult]::new('logs', 'logs', [CompletionResultType]::ParameterValue, 'Print a run''s output: the full log when it is readable here, else the stored tail')
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'Stream run and policy events as they happen (`-o json`: one JSON object per line)')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Cancel runs in any unfinished state (frees their node capacity)')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write finished runs with their events as JSON lines (before retention deletes them)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tartarus;sandbox;help;submit' {
            break
        }
        'tartarus;sandbox;help;list' {
            break
        }
        'tartarus;sandbox;help;get' {
            break
        }
        'tartarus;sandbox;help;wait' {
            break
        }
        'tartarus;sandbox;help;logs' {
            break
        }
        'tartarus;sandbox;help;watch' {
            break
        }
        'tartarus;sandbox;help;cancel' {
            break
        }
        'tartarus;sandbox;help;export' {
            break
        }
        'tartarus;sandbox;help;help' {
            break
        }
        'tartarus;queue' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr: text, or one JSON object per line (for log collectors)')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Deployment environment [env: TARTARUS_ENV]')
            [CompletionResult]::new('--redis-addr', '--redis-addr', [CompletionResultType]::ParameterName, 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]')
            [CompletionResult]::new('--redis-db', '--redis-db', [CompletionResultType]::ParameterName, 'Redis database number [env: REDIS_DB]')
            [CompletionResult]::new('--cell', '--cell', [CompletionResultType]::ParameterName, 'The cell: one deployment''s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]')
            [CompletionResult]::new('--queue-key', '--queue-key', [CompletionResultType]::ParameterName, 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]')
            [CompletionResult]::new('--redis-username', '--redis-username', [CompletionResultType]::ParameterName, 'ACL user name [env: REDIS_USERNAME]')
            [CompletionResult]::new('--redis-password-file', '--redis-password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]')
            [CompletionResult]::new('--redis-sentinel', '--redis-sentinel', [CompletionResultType]::ParameterName, 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]')
            [CompletionResult]::new('--redis-sentinel-master', '--redis-sentinel-master', [CompletionResultType]::ParameterName, 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]')
            [CompletionResult]::new('--redis-sentinel-username', '--redis-sentinel-username', [CompletionResultType]::ParameterName, 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]')
            [CompletionResult]::new('--redis-sentinel-password-file', '--redis-sentinel-password-file', [CompletionResultType]::ParameterName, 'Read the Sentinels'' own password (not the data nodes'') from this file [env: REDIS_SENTINEL_PASSWORD]')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'PEM file of the CA that signed the servers'' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]')
            [CompletionResult]::new('--min-replicas-ack', '--min-replicas-ack', [CompletionResultType]::ParameterName, 'After each acknowledged write (submit, policy change, cancel, a run''s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]')
            [CompletionResult]::new('--min-replicas-timeout', '--min-replicas-timeout', [CompletionResultType]::ParameterName, 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]')
            [CompletionResult]::new('--redis-timeout', '--redis-timeout', [CompletionResultType]::ParameterName, 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)')
            [CompletionResult]::new('--redis-connect-timeout', '--redis-connect-timeout', [CompletionResultType]::ParameterName, 'How long connecting to Redis may take [default: 3s]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the in-memory store (development only; state is lost on exit)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'Depth, in-flight, pending and dead counts, pause state and runs per state (all O(1))')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the entries of one Acheron list, a page at a time')
            [CompletionResult]::new('peek', 'peek', [CompletionResultType]::ParameterValue, 'The next runs a scheduler would claim, with their names')
            [CompletionResult]::new('purge', 'purge', [CompletionResultType]::ParameterValue, 'Empty a list: queued, leased and pending runs are cancelled; dead letters are deleted with their data')
            [CompletionResult]::new('retry', 'retry', [CompletionResultType]::ParameterValue, 'Send dead letters back to the queue (attempts reset)')
            [CompletionResult]::new('pause', 'pause', [CompletionResultType]::ParameterValue, 'Stop schedulers from claiming (submissions still queue up)')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Let schedulers claim again')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tartarus;queue;stats' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr: text, or one JSON object per line (for log collectors)')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Deployment environment [env: TARTARUS_ENV]')
            [CompletionResult]::new('--redis-addr', '--redis-addr', [CompletionResultType]::ParameterName, 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]')
            [CompletionResult]::new('--redis-db', '--redis-db', [CompletionResultType]::ParameterName, 'Redis database number [env: REDIS_DB]')
            [CompletionResult]::new('--cell', '--cell', [CompletionResultType]::ParameterName, 'The cell: one deployment''s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]')
            [CompletionResult]::new('--queue-key', '--queue-key', [CompletionResultType]::ParameterName, 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]')
            [CompletionResult]::new('--redis-username', '--redis-username', [CompletionResultType]::ParameterName, 'ACL user name [env: REDIS_USERNAME]')
            [CompletionResult]::new('--redis-password-file', '--redis-password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]')
            [CompletionResult]::new('--redis-sentinel', '--redis-sentinel', [CompletionResultType]::ParameterName, 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]')
            [CompletionResult]::new('--redis-sentinel-master', '--redis-sentinel-master', [CompletionResultType]::ParameterName, 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]')
            [CompletionResult]::new('--redis-sentinel-username', '--redis-sentinel-username', [CompletionResultType]::ParameterName, 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]')
            [CompletionResult]::new('--redis-sentinel-password-file', '--redis-sentinel-password-file', [CompletionResultType]::ParameterName, 'Read the Sentinels'' own password (not the data nodes'') from this file [env: REDIS_SENTINEL_PASSWORD]')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'PEM file of the CA that signed the servers'' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]')
            [CompletionResult]::new('--min-replicas-ack', '--min-replicas-ack', [CompletionResultType]::ParameterName, 'After each acknowledged write (submit, policy change, cancel, a run''s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]')
            [CompletionResult]::new('--min-replicas-timeout', '--min-replicas-timeout', [CompletionResultType]::ParameterName, 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]')
            [CompletionResult]::new('--redis-timeout', '--redis-timeout', [CompletionResultType]::ParameterName, 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)')
            [CompletionResult]::new('--redis-connect-timeout', '--redis-connect-timeout', [CompletionResultType]::ParameterName, 'How long connecting to Redis may take [default: 3s]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the in-memory store (development only; state is lost on exit)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tartarus;queue;list' {
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Most entries on this page')
            [CompletionResult]::new('--cursor', '--cursor', [CompletionResultType]::ParameterName, 'Start at this cursor (the `next` of the previous page)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr: text, or one JSON object per line (for log collectors)')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Deployment environment [env: TARTARUS_ENV]')
            [CompletionResult]::new('--redis-addr', '--redis-addr', [CompletionResultType]::ParameterName, 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]')
            [CompletionResult]::new('--redis-db', '--redis-db', [CompletionResultType]::ParameterName, 'Redis database number [env: REDIS_DB]')
            [CompletionResult]::new('--cell', '--cell', [CompletionResultType]::ParameterName, 'The cell: one deployment''s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]')
            [CompletionResult]::new('--queue-key', '--queue-key', [CompletionResultType]::ParameterName, 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]')
            [CompletionResult]::new('--redis-username', '--redis-username', [CompletionResultType]::ParameterName, 'ACL user name [env: REDIS_USERNAME]')
            [CompletionResult]::new('--redis-password-file', '--redis-password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]')
            [CompletionResult]::new('--redis-sentinel', '--redis-sentinel', [CompletionResultType]::ParameterName, 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]')
            [CompletionResult]::new('--redis-sentinel-master', '--redis-sentinel-master', [CompletionResultType]::ParameterName, 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]')
            [CompletionResult]::new('--redis-sentinel-username', '--redis-sentinel-username', [CompletionResultType]::ParameterName, 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]')
            [CompletionResult]::new('--redis-sentinel-password-file', '--redis-sentinel-password-file', [CompletionResultType]::ParameterName, 'Read the Sentinels'' own password (not the data nodes'') from this file [env: REDIS_SENTINEL_PASSWORD]')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'PEM file of the CA that signed the servers'' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]')
            [CompletionResult]::new('--min-replicas-ack', '--min-replicas-ack', [CompletionResultType]::ParameterName, 'After each acknowledged write (submit, policy change, cancel, a run''s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]')
            [CompletionResult]::new('--min-replicas-timeout', '--min-replicas-timeout', [CompletionResultType]::ParameterName, 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]')
            [CompletionResult]::new('--redis-timeout', '--redis-timeout', [CompletionResultType]::ParameterName, 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)')
            [CompletionResult]::new('--redis-connect-timeout', '--redis-connect-timeout', [CompletionResultType]::ParameterName, 'How long connecting to Redis may take [default: 3s]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the in-memory store (development only; state is lost on exit)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tartarus;queue;peek' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'How many runs')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'How many runs')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr: text, or one JSON object per line (for log collectors)')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Deployment environment [env: TARTARUS_ENV]')
            [CompletionResult]::new('--redis-addr', '--redis-addr', [CompletionResultType]::ParameterName, 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]')
            [CompletionResult]::new('--redis-db', '--redis-db', [CompletionResultType]::ParameterName, 'Redis database number [env: REDIS_DB]')
            [CompletionResult]::new('--cell', '--cell', [CompletionResultType]::ParameterName, 'The cell: one deployment''s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]')
            [CompletionResult]::new('--queue-key', '--queue-key', [CompletionResultType]::ParameterName, 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]')
            [CompletionResult]::new('--redis-username', '--redis-username', [CompletionResultType]::ParameterName, 'ACL user name [env: REDIS_USERNAME]')
            [CompletionResult]::new('--redis-password-file', '--redis-password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]')
            [CompletionResult]::new('--redis-sentinel', '--redis-sentinel', [CompletionResultType]::ParameterName, 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]')
            [CompletionResult]::new('--redis-sentinel-master', '--redis-sentinel-master', [CompletionResultType]::ParameterName, 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]')
            [CompletionResult]::new('--redis-sentinel-username', '--redis-sentinel-username', [CompletionResultType]::ParameterName, 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]')
            [CompletionResult]::new('--redis-sentinel-password-file', '--redis-sentinel-password-file', [CompletionResultType]::ParameterName, 'Read the Sentinels'' own password (not the data nodes'') from this file [env: REDIS_SENTINEL_PASSWORD]')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'PEM file of the CA that signed the servers'' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]')
            [CompletionResult]::new('--min-replicas-ack', '--min-replicas-ack', [CompletionResultType]::ParameterName, 'After each acknowledged write (submit, policy change, cancel, a run''s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]')
            [CompletionResult]::new('--min-replicas-timeout', '--min-replicas-timeout', [CompletionResultType]::ParameterName, 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]')
            [CompletionResult]::new('--redis-timeout', '--redis-timeout', [CompletionResultType]::ParameterName, 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)')
            [CompletionResult]::new('--redis-connect-timeout', '--redis-connect-timeout', [CompletionResultType]::ParameterName, 'How long connecting to Redis may take [default: 3s]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the in-memory store (development only; state is lost on exit)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tartarus;queue;purge' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr: text, or one JSON object per line (for log collectors)')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Deployment environment [env: TARTARUS_ENV]')
            [CompletionResult]::new('--redis-addr', '--redis-addr', [CompletionResultType]::ParameterName, 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]')
            [CompletionResult]::new('--redis-db', '--redis-db', [CompletionResultType]::ParameterName, 'Redis database number [env: REDIS_DB]')
            [CompletionResult]::new('--cell', '--cell', [CompletionResultType]::ParameterName, 'The cell: one deployment''s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]')
            [CompletionResult]::new('--queue-key', '--queue-key', [CompletionResultType]::ParameterName, 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]')
            [CompletionResult]::new('--redis-username', '--redis-username', [CompletionResultType]::ParameterName, 'ACL user name [env: REDIS_USERNAME]')
            [CompletionResult]::new('--redis-password-file', '--redis-password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]')
            [CompletionResult]::new('--redis-sentinel', '--redis-sentinel', [CompletionResultType]::ParameterName, 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]')
            [CompletionResult]::new('--redis-sentinel-master', '--redis-sentinel-master', [CompletionResultType]::ParameterName, 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]')
            [CompletionResult]::new('--redis-sentinel-username', '--redis-sentinel-username', [CompletionResultType]::ParameterName, 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]')
            [CompletionResult]::new('--redis-sentinel-password-file', '--redis-sentinel-password-file', [CompletionResultType]::ParameterName, 'Read the Sentinels'' own password (not the data nodes'') from this file [env: REDIS_SENTINEL_PASSWORD]')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'PEM file of the CA that signed the servers'' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]')
            [CompletionResult]::new('--min-replicas-ack', '--min-replicas-ack', [CompletionResultType]::ParameterName, 'After each acknowledged write (submit, policy change, cancel, a run''s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]')
            [CompletionResult]::new('--min-replicas-timeout', '--min-replicas-timeout', [CompletionResultType]::ParameterName, 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]')
            [CompletionResult]::new('--redis-timeout', '--redis-timeout', [CompletionResultType]::ParameterName, 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)')
            [CompletionResult]::new('--redis-connect-timeout', '--redis-connect-timeout', [CompletionResultType]::ParameterName, 'How long connecting to Redis may take [default: 3s]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Say how many runs would be cancelled (or dead letters deleted) and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the in-memory store (development only; state is lost on exit)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tartarus;queue;retry' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr: text, or one JSON object per line (for log collectors)')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Deployment environment [env: TARTARUS_ENV]')
            [CompletionResult]::new('--redis-addr', '--redis-addr', [CompletionResultType]::ParameterName, 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]')
            [CompletionResult]::new('--redis-db', '--redis-db', [CompletionResultType]::ParameterName, 'Redis database number [env: REDIS_DB]')
            [CompletionResult]::new('--cell', '--cell', [CompletionResultType]::ParameterName, 'The cell: one deployment''s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]')
            [CompletionResult]::new('--queue-key', '--queue-key', [CompletionResultType]::ParameterName, 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]')
            [CompletionResult]::new('--redis-username', '--redis-username', [CompletionResultType]::ParameterName, 'ACL user name [env: REDIS_USERNAME]')
            [CompletionResult]::new('--redis-password-file', '--redis-password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]')
            [CompletionResult]::new('--redis-sentinel', '--redis-sentinel', [CompletionResultType]::ParameterName, 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]')
            [CompletionResult]::new('--redis-sentinel-master', '--redis-sentinel-master', [CompletionResultType]::ParameterName, 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]')
            [CompletionResult]::new('--redis-sentinel-username', '--redis-sentinel-username', [CompletionResultType]::ParameterName, 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]')
            [CompletionResult]::new('--redis-sentinel-password-file', '--redis-sentinel-password-file', [CompletionResultType]::ParameterName, 'Read the Sentinels'' own password (not the data nodes'') from this file [env: REDIS_SENTINEL_PASSWORD]')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'PEM file of the CA that signed the servers'' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]')
            [CompletionResult]::new('--min-replicas-ack', '--min-replicas-ack', [CompletionResultType]::ParameterName, 'After each acknowledged write (submit, policy change, cancel, a run''s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]')
            [CompletionResult]::new('--min-replicas-timeout', '--min-replicas-timeout', [CompletionResultType]::ParameterName, 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]')
            [CompletionResult]::new('--redis-timeout', '--redis-timeout', [CompletionResultType]::ParameterName, 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)')
            [CompletionResult]::new('--redis-connect-timeout', '--redis-connect-timeout', [CompletionResultType]::ParameterName, 'How long connecting to Redis may take [default: 3s]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every dead letter')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the in-memory store (development only; state is lost on exit)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tartarus;queue;pause' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr: text, or one JSON object per line (for log collectors)')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Deployment environment [env: TARTARUS_ENV]')
            [CompletionResult]::new('--redis-addr', '--redis-addr', [CompletionResultType]::ParameterName, 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]')
            [CompletionResult]::new('--redis-db', '--redis-db', [CompletionResultType]::ParameterName, 'Redis database number [env: REDIS_DB]')
            [CompletionResult]::new('--cell', '--cell', [CompletionResultType]::ParameterName, 'The cell: one deployment''s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]')
            [CompletionResult]::new('--queue-key', '--queue-key', [CompletionResultType]::ParameterName, 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]')
            [CompletionResult]::new('--redis-username', '--redis-username', [CompletionResultType]::ParameterName, 'ACL user name [env: REDIS_USERNAME]')
            [CompletionResult]::new('--redis-password-file', '--redis-password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]')
            [CompletionResult]::new('--redis-sentinel', '--redis-sentinel', [CompletionResultType]::ParameterName, 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]')
            [CompletionResult]::new('--redis-sentinel-master', '--redis-sentinel-master', [CompletionResultType]::ParameterName, 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]')
            [CompletionResult]::new('--redis-sentinel-username', '--redis-sentinel-username', [CompletionResultType]::ParameterName, 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]')
            [CompletionResult]::new('--redis-sentinel-password-file', '--redis-sentinel-password-file', [CompletionResultType]::ParameterName, 'Read the Sentinels'' own password (not the data nodes'') from this file [env: REDIS_SENTINEL_PASSWORD]')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'PEM file of the CA that signed the servers'' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]')
            [CompletionResult]::new('--min-replicas-ack', '--min-replicas-ack', [CompletionResultType]::ParameterName, 'After each acknowledged write (submit, policy change, cancel, a run''s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]')
            [CompletionResult]::new('--min-replicas-timeout', '--min-replicas-timeout', [CompletionResultType]::ParameterName, 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]')
            [CompletionResult]::new('--redis-timeout', '--redis-timeout', [CompletionResultType]::ParameterName, 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)')
            [CompletionResult]::new('--redis-connect-timeout', '--redis-connect-timeout', [CompletionResultType]::ParameterName, 'How long connecting to Redis may take [default: 3s]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the in-memory store (development only; state is lost on exit)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tartarus;queue;resume' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr: text, or one JSON object per line (for log collectors)')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Deployment environment [env: TARTARUS_ENV]')
            [CompletionResult]::new('--redis-addr', '--redis-addr', [CompletionResultType]::ParameterName, 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]')
            [CompletionResult]::new('--redis-db', '--redis-db', [CompletionResultType]::ParameterName, 'Redis database number [env: REDIS_DB]')
            [CompletionResult]::new('--cell', '--cell', [CompletionResultType]::ParameterName, 'The cell: one deployment''s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]')
            [CompletionResult]::new('--queue-key', '--queue-key', [CompletionResultType]::ParameterName, 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]')
            [CompletionResult]::new('--redis-username', '--redis-username', [CompletionResultType]::ParameterName, 'ACL user name [env: REDIS_USERNAME]')
            [CompletionResult]::new('--redis-password-file', '--redis-password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]')
            [CompletionResult]::new('--redis-sentinel', '--redis-sentinel', [CompletionResultType]::ParameterName, 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]')
            [CompletionResult]::new('--redis-sentinel-master', '--redis-sentinel-master', [CompletionResultType]::ParameterName, 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]')
            [CompletionResult]::new('--redis-sentinel-username', '--redis-sentinel-username', [CompletionResultType]::ParameterName, 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]')
            [CompletionResult]::new('--redis-sentinel-password-file', '--redis-sentinel-password-file', [CompletionResultType]::ParameterName, 'Read the Sentinels'' own password (not the data nodes'') from this file [env: REDIS_SENTINEL_PASSWORD]')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'PEM file of the CA that signed the servers'' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]')
            [CompletionResult]::new('--min-replicas-ack', '--min-replicas-ack', [CompletionResultType]::ParameterName, 'After each acknowledged write (submit, policy change, cancel, a run''s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]')
            [CompletionResult]::new('--min-replicas-timeout', '--min-replicas-timeout', [CompletionResultType]::ParameterName, 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]')
            [CompletionResult]::new('--redis-timeout', '--redis-timeout', [CompletionResultType]::ParameterName, 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)')
            [CompletionResult]::new('--redis-connect-timeout', '--redis-connect-timeout', [CompletionResultType]::ParameterName, 'How long connecting to Redis may take [default: 3s]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the in-memory store (development only; state is lost on exit)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tartarus;queue;help' {
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'Depth, in-flight, pending and dead counts, pause state and runs per state (all O(1))')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the entries of one Acheron list, a page at a time')
            [CompletionResult]::new('peek', 'peek', [CompletionResultType]::ParameterValue, 'The next runs a scheduler would claim, with their names')
            [CompletionResult]::new('purge', 'purge', [CompletionResultType]::ParameterValue, 'Empty a list: queued, leased and pending runs are cancelled; dead letters are deleted with their data')
            [CompletionResult]::new('retry', 'retry', [CompletionResultType]::ParameterValue, 'Send dead letters back to the queue (attempts reset)')
            [CompletionResult]::new('pause', 'pause', [CompletionResultType]::ParameterValue, 'Stop schedulers from claiming (submissions still queue up)')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Let schedulers claim again')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tartarus;queue;help;stats' {
            break
        }
        'tartarus;queue;help;list' {
            break
        }
        'tartarus;queue;help;peek' {
            break
        }
        'tartarus;queue;help;purge' {
            break
        }
        'tartarus;queue;help;retry' {
            break
        }
        'tartarus;queue;help;pause' {
            break
        }
        'tartarus;queue;help;resume' {
            break
        }
        'tartarus;queue;help;help' {
            break
        }
        'tartarus;node' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr: text, or one JSON object per line (for log collectors)')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Deployment environment [env: TARTARUS_ENV]')
            [CompletionResult]::new('--redis-addr', '--redis-addr', [CompletionResultType]::ParameterName, 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]')
            [CompletionResult]::new('--redis-db', '--redis-db', [CompletionResultType]::ParameterName, 'Redis database number [env: REDIS_DB]')
            [CompletionResult]::new('--cell', '--cell', [CompletionResultType]::ParameterName, 'The cell: one deployment''s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]')
            [CompletionResult]::new('--queue-key', '--queue-key', [CompletionResultType]::ParameterName, 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]')
            [CompletionResult]::new('--redis-username', '--redis-username', [CompletionResultType]::ParameterName, 'ACL user name [env: REDIS_USERNAME]')
            [CompletionResult]::new('--redis-password-file', '--redis-password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]')
            [CompletionResult]::new('--redis-sentinel', '--redis-sentinel', [CompletionResultType]::ParameterName, 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]')
            [CompletionResult]::new('--redis-sentinel-master', '--redis-sentinel-master', [CompletionResultType]::ParameterName, 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]')
            [CompletionResult]::new('--redis-sentinel-username', '--redis-sentinel-username', [CompletionResultType]::ParameterName, 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]')
            [CompletionResult]::new('--redis-sentinel-password-file', '--redis-sentinel-password-file', [CompletionResultType]::ParameterName, 'Read the Sentinels'' own password (not the data nodes'') from this file [env: REDIS_SENTINEL_PASSWORD]')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'PEM file of the CA that signed the servers'' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]')
            [CompletionResult]::new('--min-replicas-ack', '--min-replicas-ack', [CompletionResultType]::ParameterName, 'After each acknowledged write (submit, policy change, cancel, a run''s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]')
            [CompletionResult]::new('--min-replicas-timeout', '--min-replicas-timeout', [CompletionResultType]::ParameterName, 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]')
            [CompletionResult]::new('--redis-timeout', '--redis-timeout', [CompletionResultType]::ParameterName, 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)')
            [CompletionResult]::new('--redis-connect-timeout', '--redis-connect-timeout', [CompletionResultType]::ParameterName, 'How long connecting to Redis may take [default: 3s]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the in-memory store (development only; state is lost on exit)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('register', 'register', [CompletionResultType]::ParameterValue, 'Send one heartbeat for a node (for scripts; agents heartbeat on their own)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every known node: alive or expired, pools, capacity, usage, heartbeat age')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'One node with the runs placed on it')
            [CompletionResult]::new('label', 'label', [CompletionResultType]::ParameterValue, 'Set labels (k=v) or remove them (k-) on a live node')
            [CompletionResult]::new('drain', 'drain', [CompletionResultType]::ParameterValue, 'Stop placing new work on a node (`--undo` to resume)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Forget a node; its runs are requeued (or dead-lettered after too many attempts)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tartarus;node;register' {
            [CompletionResult]::new('--labels', '--labels', [CompletionResultType]::ParameterName, 'Labels k=v,k=v (defaults to $HADES_LABEL, e.g. HADES_LABEL="tartarus.io/typhon=true")')
            [CompletionResult]::new('--cpu', '--cpu', [CompletionResultType]::ParameterName, 'CPU capacity: cores or millicores')
            [CompletionResult]::new('--memory', '--memory', [CompletionResultType]::ParameterName, 'Memory capacity')
            [CompletionResult]::new('--gpu', '--gpu', [CompletionResultType]::ParameterName, 'GPUs')
            [CompletionResult]::new('--slots', '--slots', [CompletionResultType]::ParameterName, 'Concurrent sandboxes')
            [CompletionResult]::new('--ttl', '--ttl', [CompletionResultType]::ParameterName, 'How long the heartbeat is valid')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr: text, or one JSON object per line (for log collectors)')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Deployment environment [env: TARTARUS_ENV]')
            [CompletionResult]::new('--redis-addr', '--redis-addr', [CompletionResultType]::ParameterName, 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]')
            [CompletionResult]::new('--redis-db', '--redis-db', [CompletionResultType]::ParameterName, 'Redis database number [env: REDIS_DB]')
            [CompletionResult]::new('--cell', '--cell', [CompletionResultType]::ParameterName, 'The cell: one deployment''s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]')
            [CompletionResult]::new('--queue-key', '--queue-key', [CompletionResultType]::ParameterName, 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]')
            [CompletionResult]::new('--redis-username', '--redis-username', [CompletionResultType]::ParameterName, 'ACL user name [env: REDIS_USERNAME]')
            [CompletionResult]::new('--redis-password-file', '--redis-password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]')
            [CompletionResult]::new('--redis-sentinel', '--redis-sentinel', [CompletionResultType]::ParameterName, 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]')
            [CompletionResult]::new('--redis-sentinel-master', '--redis-sentinel-master', [CompletionResultType]::ParameterName, 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]')
            [CompletionResult]::new('--redis-sentinel-username', '--redis-sentinel-username', [CompletionResultType]::ParameterName, 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]')
            [CompletionResult]::new('--redis-sentinel-password-file', '--redis-sentinel-password-file', [CompletionResultType]::ParameterName, 'Read the Sentinels'' own password (not the data nodes'') from this file [env: REDIS_SENTINEL_PASSWORD]')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'PEM file of the CA that signed the servers'' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]')
            [CompletionResult]::new('--min-replicas-ack', '--min-replicas-ack', [CompletionResultType]::ParameterName, 'After each acknowledged write (submit, policy change, cancel, a run''s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]')
            [CompletionResult]::new('--min-replicas-timeout', '--min-replicas-timeout', [CompletionResultType]::ParameterName, 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]')
            [CompletionResult]::new('--redis-timeout', '--redis-timeout', [CompletionResultType]::ParameterName, 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)')
            [CompletionResult]::new('--redis-connect-timeout', '--redis-connect-timeout', [CompletionResultType]::ParameterName, 'How long connecting to Redis may take [default: 3s]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the in-memory store (development only; state is lost on exit)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tartarus;node;list' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr: text, or one JSON object per line (for log collectors)')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Deployment environment [env: TARTARUS_ENV]')
            [CompletionResult]::new('--redis-addr', '--redis-addr', [CompletionResultType]::ParameterName, 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]')
            [CompletionResult]::new('--redis-db', '--redis-db', [CompletionResultType]::ParameterName, 'Redis database number [env: REDIS_DB]')
            [CompletionResult]::new('--cell', '--cell', [CompletionResultType]::ParameterName, 'The cell: one deployment''s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]')
            [CompletionResult]::new('--queue-key', '--queue-key', [CompletionResultType]::ParameterName, 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]')
            [CompletionResult]::new('--redis-username', '--redis-username', [CompletionResultType]::ParameterName, 'ACL user name [env: REDIS_USERNAME]')
            [CompletionResult]::new('--redis-password-file', '--redis-password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]')
            [CompletionResult]::new('--redis-sentinel', '--redis-sentinel', [CompletionResultType]::ParameterName, 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]')
            [CompletionResult]::new('--redis-sentinel-master', '--redis-sentinel-master', [CompletionResultType]::ParameterName, 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]')
            [CompletionResult]::new('--redis-sentinel-username', '--redis-sentinel-username', [CompletionResultType]::ParameterName, 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]')
            [CompletionResult]::new('--redis-sentinel-password-file', '--redis-sentinel-password-file', [CompletionResultType]::ParameterName, 'Read the Sentinels'' own password (not the data nodes'') from this file [env: REDIS_SENTINEL_PASSWORD]')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'PEM file of the CA that signed the servers'' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]')
            [CompletionResult]::new('--min-replicas-ack', '--min-replicas-ack', [CompletionResultType]::ParameterName, 'After each acknowledged write (submit, policy change, cancel, a run''s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]')
            [CompletionResult]::new('--min-replicas-timeout', '--min-replicas-timeout', [CompletionResultType]::ParameterName, 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]')
            [CompletionResult]::new('--redis-timeout', '--redis-timeout', [CompletionResultType]::ParameterName, 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)')
            [CompletionResult]::new('--redis-connect-timeout', '--redis-connect-timeout', [CompletionResultType]::ParameterName, 'How long connecting to Redis may take [default: 3s]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the in-memory store (development only; state is lost on exit)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tartarus;node;get' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr: text, or one JSON object per line (for log collectors)')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Deployment environment [env: TARTARUS_ENV]')
            [CompletionResult]::new('--redis-addr', '--redis-addr', [CompletionResultType]::ParameterName, 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]')
            [CompletionResult]::new('--redis-db', '--redis-db', [CompletionResultType]::ParameterName, 'Redis database number [env: REDIS_DB]')
            [CompletionResult]::new('--cell', '--cell', [CompletionResultType]::ParameterName, 'The cell: one deployment''s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]')
            [CompletionResult]::new('--queue-key', '--queue-key', [CompletionResultType]::ParameterName, 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]')
            [CompletionResult]::new('--redis-username', '--redis-username', [CompletionResultType]::ParameterName, 'ACL user name [env: REDIS_USERNAME]')
            [CompletionResult]::new('--redis-password-file', '--redis-password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]')
            [CompletionResult]::new('--redis-sentinel', '--redis-sentinel', [CompletionResultType]::ParameterName, 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]')
            [CompletionResult]::new('--redis-sentinel-master', '--redis-sentinel-master', [CompletionResultType]::ParameterName, 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]')
            [CompletionResult]::new('--redis-sentinel-username', '--redis-sentinel-username', [CompletionResultType]::ParameterName, 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]')
            [CompletionResult]::new('--redis-sentinel-password-file', '--redis-sentinel-password-file', [CompletionResultType]::ParameterName, 'Read the Sentinels'' own password (not the data nodes'') from this file [env: REDIS_SENTINEL_PASSWORD]')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'PEM file of the CA that signed the servers'' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]')
            [CompletionResult]::new('--min-replicas-ack', '--min-replicas-ack', [CompletionResultType]::ParameterName, 'After each acknowledged write (submit, policy change, cancel, a run''s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]')
            [CompletionResult]::new('--min-replicas-timeout', '--min-replicas-timeout', [CompletionResultType]::ParameterName, 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]')
            [CompletionResult]::new('--redis-timeout', '--redis-timeout', [CompletionResultType]::ParameterName, 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)')
            [CompletionResult]::new('--redis-connect-timeout', '--redis-connect-timeout', [CompletionResultType]::ParameterName, 'How long connecting to Redis may take [default: 3s]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the in-memory store (development only; state is lost on exit)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tartarus;node;label' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr: text, or one JSON object per line (for log collectors)')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Deployment environment [env: TARTARUS_ENV]')
            [CompletionResult]::new('--redis-addr', '--redis-addr', [CompletionResultType]::ParameterName, 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]')
            [CompletionResult]::new('--redis-db', '--redis-db', [CompletionResultType]::ParameterName, 'Redis database number [env: REDIS_DB]')
            [CompletionResult]::new('--cell', '--cell', [CompletionResultType]::ParameterName, 'The cell: one deployment''s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]')
            [CompletionResult]::new('--queue-key', '--queue-key', [CompletionResultType]::ParameterName, 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]')
            [CompletionResult]::new('--redis-username', '--redis-username', [CompletionResultType]::ParameterName, 'ACL user name [env: REDIS_USERNAME]')
            [CompletionResult]::new('--redis-password-file', '--redis-password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]')
            [CompletionResult]::new('--redis-sentinel', '--redis-sentinel', [CompletionResultType]::ParameterName, 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]')
            [CompletionResult]::new('--redis-sentinel-master', '--redis-sentinel-master', [CompletionResultType]::ParameterName, 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]')
            [CompletionResult]::new('--redis-sentinel-username', '--redis-sentinel-username', [CompletionResultType]::ParameterName, 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]')
            [CompletionResult]::new('--redis-sentinel-password-file', '--redis-sentinel-password-file', [CompletionResultType]::ParameterName, 'Read the Sentinels'' own password (not the data nodes'') from this file [env: REDIS_SENTINEL_PASSWORD]')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'PEM file of the CA that signed the servers'' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]')
            [CompletionResult]::new('--min-replicas-ack', '--min-replicas-ack', [CompletionResultType]::ParameterName, 'After each acknowledged write (submit, policy change, cancel, a run''s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]')
            [CompletionResult]::new('--min-replicas-timeout', '--min-replicas-timeout', [CompletionResultType]::ParameterName, 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]')
            [CompletionResult]::new('--redis-timeout', '--redis-timeout', [CompletionResultType]::ParameterName, 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)')
            [CompletionResult]::new('--redis-connect-timeout', '--redis-connect-timeout', [CompletionResultType]::ParameterName, 'How long connecting to Redis may take [default: 3s]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the in-memory store (development only; state is lost on exit)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tartarus;node;drain' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr: text, or one JSON object per line (for log collectors)')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Deployment environment [env: TARTARUS_ENV]')
            [CompletionResult]::new('--redis-addr', '--redis-addr', [CompletionResultType]::ParameterName, 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]')
            [CompletionResult]::new('--redis-db', '--redis-db', [CompletionResultType]::ParameterName, 'Redis database number [env: REDIS_DB]')
            [CompletionResult]::new('--cell', '--cell', [CompletionResultType]::ParameterName, 'The cell: one deployment''s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]')
            [CompletionResult]::new('--queue-key', '--queue-key', [CompletionResultType]::ParameterName, 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]')
            [CompletionResult]::new('--redis-username', '--redis-username', [CompletionResultType]::ParameterName, 'ACL user name [env: REDIS_USERNAME]')
            [CompletionResult]::new('--redis-password-file', '--redis-password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]')
            [CompletionResult]::new('--redis-sentinel', '--redis-sentinel', [CompletionResultType]::ParameterName, 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]')
            [CompletionResult]::new('--redis-sentinel-master', '--redis-sentinel-master', [CompletionResultType]::ParameterName, 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]')
            [CompletionResult]::new('--redis-sentinel-username', '--redis-sentinel-username', [CompletionResultType]::ParameterName, 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]')
            [CompletionResult]::new('--redis-sentinel-password-file', '--redis-sentinel-password-file', [CompletionResultType]::ParameterName, 'Read the Sentinels'' own password (not the data nodes'') from this file [env: REDIS_SENTINEL_PASSWORD]')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'PEM file of the CA that signed the servers'' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]')
            [CompletionResult]::new('--min-replicas-ack', '--min-replicas-ack', [CompletionResultType]::ParameterName, 'After each acknowledged write (submit, policy change, cancel, a run''s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]')
            [CompletionResult]::new('--min-replicas-timeout', '--min-replicas-timeout', [CompletionResultType]::ParameterName, 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]')
            [CompletionResult]::new('--redis-timeout', '--redis-timeout', [CompletionResultType]::ParameterName, 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)')
            [CompletionResult]::new('--redis-connect-timeout', '--redis-connect-timeout', [CompletionResultType]::ParameterName, 'How long connecting to Redis may take [default: 3s]')
            [CompletionResult]::new('--undo', '--undo', [CompletionResultType]::ParameterName, 'Take new work again')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the in-memory store (development only; state is lost on exit)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tartarus;node;remove' {
            [CompletionResult]::new('--max-attempts', '--max-attempts', [CompletionResultType]::ParameterName, 'Attempts after which one of its runs is dead-lettered instead of requeued')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr: text, or one JSON object per line (for log collectors)')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Deployment environment [env: TARTARUS_ENV]')
            [CompletionResult]::new('--redis-addr', '--redis-addr', [CompletionResultType]::ParameterName, 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]')
            [CompletionResult]::new('--redis-db', '--redis-db', [CompletionResultType]::ParameterName, 'Redis database number [env: REDIS_DB]')
            [CompletionResult]::new('--cell', '--cell', [CompletionResultType]::ParameterName, 'The cell: one deployment''s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]')
            [CompletionResult]::new('--queue-key', '--queue-key', [CompletionResultType]::ParameterName, 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]')
            [CompletionResult]::new('--redis-username', '--redis-username', [CompletionResultType]::ParameterName, 'ACL user name [env: REDIS_USERNAME]')
            [CompletionResult]::new('--redis-password-file', '--redis-password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]')
            [CompletionResult]::new('--redis-sentinel', '--redis-sentinel', [CompletionResultType]::ParameterName, 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]')
            [CompletionResult]::new('--redis-sentinel-master', '--redis-sentinel-master', [CompletionResultType]::ParameterName, 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]')
            [CompletionResult]::new('--redis-sentinel-username', '--redis-sentinel-username', [CompletionResultType]::ParameterName, 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]')
            [CompletionResult]::new('--redis-sentinel-password-file', '--redis-sentinel-password-file', [CompletionResultType]::ParameterName, 'Read the Sentinels'' own password (not the data nodes'') from this file [env: REDIS_SENTINEL_PASSWORD]')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'PEM file of the CA that signed the servers'' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]')
            [CompletionResult]::new('--min-replicas-ack', '--min-replicas-ack', [CompletionResultType]::ParameterName, 'After each acknowledged write (submit, policy change, cancel, a run''s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]')
            [CompletionResult]::new('--min-replicas-timeout', '--min-replicas-timeout', [CompletionResultType]::ParameterName, 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]')
            [CompletionResult]::new('--redis-timeout', '--redis-timeout', [CompletionResultType]::ParameterName, 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)')
            [CompletionResult]::new('--redis-connect-timeout', '--redis-connect-timeout', [CompletionResultType]::ParameterName, 'How long connecting to Redis may take [default: 3s]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Say which runs would be requeued and which dead-lettered, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the in-memory store (development only; state is lost on exit)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tartarus;node;help' {
            [CompletionResult]::new('register', 'register', [CompletionResultType]::ParameterValue, 'Send one heartbeat for a node (for scripts; agents heartbeat on their own)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every known node: alive or expired, pools, capacity, usage, heartbeat age')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'One node with the runs placed on it')
            [CompletionResult]::new('label', 'label', [CompletionResultType]::ParameterValue, 'Set labels (k=v) or remove them (k-) on a live node')
            [CompletionResult]::new('drain', 'drain', [CompletionResultType]::ParameterValue, 'Stop placing new work on a node (`--undo` to resume)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Forget a node; its runs are requeued (or dead-lettered after too many attempts)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tartarus;node;help;register' {
            break
        }
        'tartarus;node;help;list' {
            break
        }
        'tartarus;node;help;get' {
            break
        }
        'tartarus;node;help;label' {
            break
        }
        'tartarus;node;help;drain' {
            break
        }
        'tartarus;node;help;remove' {
            break
        }
        'tartarus;node;help;help' {
            break
        }
        'tartarus;policy' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr: text, or one JSON object per line (for log collectors)')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Deployment environment [env: TARTARUS_ENV]')
            [CompletionResult]::new('--redis-addr', '--redis-addr', [CompletionResultType]::ParameterName, 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]')
            [CompletionResult]::new('--redis-db', '--redis-db', [CompletionResultType]::ParameterName, 'Redis database number [env: REDIS_DB]')
            [CompletionResult]::new('--cell', '--cell', [CompletionResultType]::ParameterName, 'The cell: one deployment''s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]')
            [CompletionResult]::new('--queue-key', '--queue-key', [CompletionResultType]::ParameterName, 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]')
            [CompletionResult]::new('--redis-username', '--redis-username', [CompletionResultType]::ParameterName, 'ACL user name [env: REDIS_USERNAME]')
            [CompletionResult]::new('--redis-password-file', '--redis-password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]')
            [CompletionResult]::new('--redis-sentinel', '--redis-sentinel', [CompletionResultType]::ParameterName, 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]')
            [CompletionResult]::new('--redis-sentinel-master', '--redis-sentinel-master', [CompletionResultType]::ParameterName, 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]')
            [CompletionResult]::new('--redis-sentinel-username', '--redis-sentinel-username', [CompletionResultType]::ParameterName, 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]')
            [CompletionResult]::new('--redis-sentinel-password-file', '--redis-sentinel-password-file', [CompletionResultType]::ParameterName, 'Read the Sentinels'' own password (not the data nodes'') from this file [env: REDIS_SENTINEL_PASSWORD]')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'PEM file of the CA that signed the servers'' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]')
            [CompletionResult]::new('--min-replicas-ack', '--min-replicas-ack', [CompletionResultType]::ParameterName, 'After each acknowledged write (submit, policy change, cancel, a run''s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]')
            [CompletionResult]::new('--min-replicas-timeout', '--min-replicas-timeout', [CompletionResultType]::ParameterName, 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]')
            [CompletionResult]::new('--redis-timeout', '--redis-timeout', [CompletionResultType]::ParameterName, 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)')
            [CompletionResult]::new('--redis-connect-timeout', '--redis-connect-timeout', [CompletionResultType]::ParameterName, 'How long connecting to Redis may take [default: 3s]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the in-memory store (development only; state is lost on exit)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Validate and store policies from a YAML file (one bad document applies nothing); an unchanged set is reported as such and bumps nothing')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Stored policies with their mode and rule count')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'One stored policy as YAML/JSON')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete policies (one version bump)')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'Changes, newest first: version, time, who, what')
            [CompletionResult]::new('rollback', 'rollback', [CompletionResultType]::ParameterValue, 'Restore the policy set as it stood after version N (recorded as a new version)')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Judge a sandbox file against the stored policies (or --policies FILE, offline) and explain the verdict; exits 0 allow, 20 deny, 21 quarantine')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tartarus;policy;apply' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Policy file, one or more documents (`-` reads stdin)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Policy file, one or more documents (`-` reads stdin)')
            [CompletionResult]::new('--who', '--who', [CompletionResultType]::ParameterName, 'Name recorded in the history [default: $TARTARUS_WHO, else the OS user]')
            [CompletionResult]::new('--max-file-size', '--max-file-size', [CompletionResultType]::ParameterName, 'Largest input file (`64Mi`, `1Gi`; at most 4Gi)')
            [CompletionResult]::new('--max-documents', '--max-documents', [CompletionResultType]::ParameterName, 'Most documents in one input file (at most 1000000)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr: text, or one JSON object per line (for log collectors)')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Deployment environment [env: TARTARUS_ENV]')
            [CompletionResult]::new('--redis-addr', '--redis-addr', [CompletionResultType]::ParameterName, 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]')
            [CompletionResult]::new('--redis-db', '--redis-db', [CompletionResultType]::ParameterName, 'Redis database number [env: REDIS_DB]')
            [CompletionResult]::new('--cell', '--cell', [CompletionResultType]::ParameterName, 'The cell: one deployment''s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]')
            [CompletionResult]::new('--queue-key', '--queue-key', [CompletionResultType]::ParameterName, 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]')
            [CompletionResult]::new('--redis-username', '--redis-username', [CompletionResultType]::ParameterName, 'ACL user name [env: REDIS_USERNAME]')
            [CompletionResult]::new('--redis-password-file', '--redis-password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]')
            [CompletionResult]::new('--redis-sentinel', '--redis-sentinel', [CompletionResultType]::ParameterName, 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]')
            [CompletionResult]::new('--redis-sentinel-master', '--redis-sentinel-master', [CompletionResultType]::ParameterName, 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]')
            [CompletionResult]::new('--redis-sentinel-username', '--redis-sentinel-username', [CompletionResultType]::ParameterName, 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]')
            [CompletionResult]::new('--redis-sentinel-password-file', '--redis-sentinel-password-file', [CompletionResultType]::ParameterName, 'Read the Sentinels'' own password (not the data nodes'') from this file [env: REDIS_SENTINEL_PASSWORD]')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'PEM file of the CA that signed the servers'' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]')
            [CompletionResult]::new('--min-replicas-ack', '--min-replicas-ack', [CompletionResultType]::ParameterName, 'After each acknowledged write (submit, policy change, cancel, a run''s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]')
            [CompletionResult]::new('--min-replicas-timeout', '--min-replicas-timeout', [CompletionResultType]::ParameterName, 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]')
            [CompletionResult]::new('--redis-timeout', '--redis-timeout', [CompletionResultType]::ParameterName, 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)')
            [CompletionResult]::new('--redis-connect-timeout', '--redis-connect-timeout', [CompletionResultType]::ParameterName, 'How long connecting to Redis may take [default: 3s]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would change (policy names and a diff of their documents) and write nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the in-memory store (development only; state is lost on exit)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tartarus;policy;list' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr: text, or one JSON object per line (for log collectors)')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Deployment environment [env: TARTARUS_ENV]')
            [CompletionResult]::new('--redis-addr', '--redis-addr', [CompletionResultType]::ParameterName, 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]')
            [CompletionResult]::new('--redis-db', '--redis-db', [CompletionResultType]::ParameterName, 'Redis database number [env: REDIS_DB]')
            [CompletionResult]::new('--cell', '--cell', [CompletionResultType]::ParameterName, 'The cell: one deployment''s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]')
            [CompletionResult]::new('--queue-key', '--queue-key', [CompletionResultType]::ParameterName, 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]')
            [CompletionResult]::new('--redis-username', '--redis-username', [CompletionResultType]::ParameterName, 'ACL user name [env: REDIS_USERNAME]')
            [CompletionResult]::new('--redis-password-file', '--redis-password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]')
            [CompletionResult]::new('--redis-sentinel', '--redis-sentinel', [CompletionResultType]::ParameterName, 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]')
            [CompletionResult]::new('--redis-sentinel-master', '--redis-sentinel-master', [CompletionResultType]::ParameterName, 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]')
            [CompletionResult]::new('--redis-sentinel-username', '--redis-sentinel-username', [CompletionResultType]::ParameterName, 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]')
            [CompletionResult]::new('--redis-sentinel-password-file', '--redis-sentinel-password-file', [CompletionResultType]::ParameterName, 'Read the Sentinels'' own password (not the data nodes'') from this file [env: REDIS_SENTINEL_PASSWORD]')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'PEM file of the CA that signed the servers'' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]')
            [CompletionResult]::new('--min-replicas-ack', '--min-replicas-ack', [CompletionResultType]::ParameterName, 'After each acknowledged write (submit, policy change, cancel, a run''s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]')
            [CompletionResult]::new('--min-replicas-timeout', '--min-replicas-timeout', [CompletionResultType]::ParameterName, 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]')
            [CompletionResult]::new('--redis-timeout', '--redis-timeout', [CompletionResultType]::ParameterName, 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)')
            [CompletionResult]::new('--redis-connect-timeout', '--redis-connect-timeout', [CompletionResultType]::ParameterName, 'How long connecting to Redis may take [default: 3s]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the in-memory store (development only; state is lost on exit)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tartarus;policy;get' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr: text, or one JSON object per line (for log collectors)')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Deployment environment [env: TARTARUS_ENV]')
            [CompletionResult]::new('--redis-addr', '--redis-addr', [CompletionResultType]::ParameterName, 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]')
            [CompletionResult]::new('--redis-db', '--redis-db', [CompletionResultType]::ParameterName, 'Redis database number [env: REDIS_DB]')
            [CompletionResult]::new('--cell', '--cell', [CompletionResultType]::ParameterName, 'The cell: one deployment''s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]')
            [CompletionResult]::new('--queue-key', '--queue-key', [CompletionResultType]::ParameterName, 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]')
            [CompletionResult]::new('--redis-username', '--redis-username', [CompletionResultType]::ParameterName, 'ACL user name [env: REDIS_USERNAME]')
            [CompletionResult]::new('--redis-password-file', '--redis-password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]')
            [CompletionResult]::new('--redis-sentinel', '--redis-sentinel', [CompletionResultType]::ParameterName, 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]')
            [CompletionResult]::new('--redis-sentinel-master', '--redis-sentinel-master', [CompletionResultType]::ParameterName, 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]')
            [CompletionResult]::new('--redis-sentinel-username', '--redis-sentinel-username', [CompletionResultType]::ParameterName, 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]')
            [CompletionResult]::new('--redis-sentinel-password-file', '--redis-sentinel-password-file', [CompletionResultType]::ParameterName, 'Read the Sentinels'' own password (not the data nodes'') from this file [env: REDIS_SENTINEL_PASSWORD]')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'PEM file of the CA that signed the servers'' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]')
            [CompletionResult]::new('--min-replicas-ack', '--min-replicas-ack', [CompletionResultType]::ParameterName, 'After each acknowledged write (submit, policy change, cancel, a run''s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]')
            [CompletionResult]::new('--min-replicas-timeout', '--min-replicas-timeout', [CompletionResultType]::ParameterName, 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]')
            [CompletionResult]::new('--redis-timeout', '--redis-timeout', [CompletionResultType]::ParameterName, 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)')
            [CompletionResult]::new('--redis-connect-timeout', '--redis-connect-timeout', [CompletionResultType]::ParameterName, 'How long connecting to Redis may take [default: 3s]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the in-memory store (development only; state is lost on exit)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tartarus;policy;delete' {
            [CompletionResult]::new('--who', '--who', [CompletionResultType]::ParameterName, 'Name recorded in the history [default: $TARTARUS_WHO, else the OS user]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr: text, or one JSON object per line (for log collectors)')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Deployment environment [env: TARTARUS_ENV]')
            [CompletionResult]::new('--redis-addr', '--redis-addr', [CompletionResultType]::ParameterName, 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]')
            [CompletionResult]::new('--redis-db', '--redis-db', [CompletionResultType]::ParameterName, 'Redis database number [env: REDIS_DB]')
            [CompletionResult]::new('--cell', '--cell', [CompletionResultType]::ParameterName, 'The cell: one deployment''s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]')
            [CompletionResult]::new('--queue-key', '--queue-key', [CompletionResultType]::ParameterName, 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]')
            [CompletionResult]::new('--redis-username', '--redis-username', [CompletionResultType]::ParameterName, 'ACL user name [env: REDIS_USERNAME]')
            [CompletionResult]::new('--redis-password-file', '--redis-password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]')
            [CompletionResult]::new('--redis-sentinel', '--redis-sentinel', [CompletionResultType]::ParameterName, 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]')
            [CompletionResult]::new('--redis-sentinel-master', '--redis-sentinel-master', [CompletionResultType]::ParameterName, 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]')
            [CompletionResult]::new('--redis-sentinel-username', '--redis-sentinel-username', [CompletionResultType]::ParameterName, 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]')
            [CompletionResult]::new('--redis-sentinel-password-file', '--redis-sentinel-password-file', [CompletionResultType]::ParameterName, 'Read the Sentinels'' own password (not the data nodes'') from this file [env: REDIS_SENTINEL_PASSWORD]')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'PEM file of the CA that signed the servers'' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]')
            [CompletionResult]::new('--min-replicas-ack', '--min-replicas-ack', [CompletionResultType]::ParameterName, 'After each acknowledged write (submit, policy change, cancel, a run''s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]')
            [CompletionResult]::new('--min-replicas-timeout', '--min-replicas-timeout', [CompletionResultType]::ParameterName, 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]')
            [CompletionResult]::new('--redis-timeout', '--redis-timeout', [CompletionResultType]::ParameterName, 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)')
            [CompletionResult]::new('--redis-connect-timeout', '--redis-connect-timeout', [CompletionResultType]::ParameterName, 'How long connecting to Redis may take [default: 3s]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would change (policy names and a diff of their documents) and write nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the in-memory store (development only; state is lost on exit)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tartarus;policy;history' {
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Most changes to show')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr: text, or one JSON object per line (for log collectors)')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Deployment environment [env: TARTARUS_ENV]')
            [CompletionResult]::new('--redis-addr', '--redis-addr', [CompletionResultType]::ParameterName, 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]')
            [CompletionResult]::new('--redis-db', '--redis-db', [CompletionResultType]::ParameterName, 'Redis database number [env: REDIS_DB]')
            [CompletionResult]::new('--cell', '--cell', [CompletionResultType]::ParameterName, 'The cell: one deployment''s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]')
            [CompletionResult]::new('--queue-key', '--queue-key', [CompletionResultType]::ParameterName, 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]')
            [CompletionResult]::new('--redis-username', '--redis-username', [CompletionResultType]::ParameterName, 'ACL user name [env: REDIS_USERNAME]')
            [CompletionResult]::new('--redis-password-file', '--redis-password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]')
            [CompletionResult]::new('--redis-sentinel', '--redis-sentinel', [CompletionResultType]::ParameterName, 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]')
            [CompletionResult]::new('--redis-sentinel-master', '--redis-sentinel-master', [CompletionResultType]::ParameterName, 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]')
            [CompletionResult]::new('--redis-sentinel-username', '--redis-sentinel-username', [CompletionResultType]::ParameterName, 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]')
            [CompletionResult]::new('--redis-sentinel-password-file', '--redis-sentinel-password-file', [CompletionResultType]::ParameterName, 'Read the Sentinels'' own password (not the data nodes'') from this file [env: REDIS_SENTINEL_PASSWORD]')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'PEM file of the CA that signed the servers'' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]')
            [CompletionResult]::new('--min-replicas-ack', '--min-replicas-ack', [CompletionResultType]::ParameterName, 'After each acknowledged write (submit, policy change, cancel, a run''s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]')
            [CompletionResult]::new('--min-replicas-timeout', '--min-replicas-timeout', [CompletionResultType]::ParameterName, 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]')
            [CompletionResult]::new('--redis-timeout', '--redis-timeout', [CompletionResultType]::ParameterName, 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)')
            [CompletionResult]::new('--redis-connect-timeout', '--redis-connect-timeout', [CompletionResultType]::ParameterName, 'How long connecting to Redis may take [default: 3s]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the in-memory store (development only; state is lost on exit)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tartarus;policy;rollback' {
            [CompletionResult]::new('--to-version', '--to-version', [CompletionResultType]::ParameterName, 'The version whose policy set comes back (see `policy history`)')
            [CompletionResult]::new('--who', '--who', [CompletionResultType]::ParameterName, 'Name recorded in the history [default: $TARTARUS_WHO, else the OS user]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr: text, or one JSON object per line (for log collectors)')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Deployment environment [env: TARTARUS_ENV]')
            [CompletionResult]::new('--redis-addr', '--redis-addr', [CompletionResultType]::ParameterName, 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]')
            [CompletionResult]::new('--redis-db', '--redis-db', [CompletionResultType]::ParameterName, 'Redis database number [env: REDIS_DB]')
            [CompletionResult]::new('--cell', '--cell', [CompletionResultType]::ParameterName, 'The cell: one deployment''s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]')
            [CompletionResult]::new('--queue-key', '--queue-key', [CompletionResultType]::ParameterName, 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]')
            [CompletionResult]::new('--redis-username', '--redis-username', [CompletionResultType]::ParameterName, 'ACL user name [env: REDIS_USERNAME]')
            [CompletionResult]::new('--redis-password-file', '--redis-password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]')
            [CompletionResult]::new('--redis-sentinel', '--redis-sentinel', [CompletionResultType]::ParameterName, 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]')
            [CompletionResult]::new('--redis-sentinel-master', '--redis-sentinel-master', [CompletionResultType]::ParameterName, 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]')
            [CompletionResult]::new('--redis-sentinel-username', '--redis-sentinel-username', [CompletionResultType]::ParameterName, 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]')
            [CompletionResult]::new('--redis-sentinel-password-file', '--redis-sentinel-password-file', [CompletionResultType]::ParameterName, 'Read the Sentinels'' own password (not the data nodes'') from this file [env: REDIS_SENTINEL_PASSWORD]')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'PEM file of the CA that signed the servers'' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]')
            [CompletionResult]::new('--min-replicas-ack', '--min-replicas-ack', [CompletionResultType]::ParameterName, 'After each acknowledged write (submit, policy change, cancel, a run''s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]')
            [CompletionResult]::new('--min-replicas-timeout', '--min-replicas-timeout', [CompletionResultType]::ParameterName, 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]')
            [CompletionResult]::new('--redis-timeout', '--redis-timeout', [CompletionResultType]::ParameterName, 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)')
            [CompletionResult]::new('--redis-connect-timeout', '--redis-connect-timeout', [CompletionResultType]::ParameterName, 'How long connecting to Redis may take [default: 3s]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would change (policy names and a diff of their documents) and write nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the in-memory store (development only; state is lost on exit)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tartarus;policy;test' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Sandbox file to judge (`-` reads stdin)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Sandbox file to judge (`-` reads stdin)')
            [CompletionResult]::new('--policies', '--policies', [CompletionResultType]::ParameterName, 'Judge against this policy file instead of the stored set (no Redis needed)')
            [CompletionResult]::new('--max-file-size', '--max-file-size', [CompletionResultType]::ParameterName, 'Largest input file (`64Mi`, `1Gi`; at most 4Gi)')
            [CompletionResult]::new('--max-documents', '--max-documents', [CompletionResultType]::ParameterName, 'Most documents in one input file (at most 1000000)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr: text, or one JSON object per line (for log collectors)')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Deployment environment [env: TARTARUS_ENV]')
            [CompletionResult]::new('--redis-addr', '--redis-addr', [CompletionResultType]::ParameterName, 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]')
            [CompletionResult]::new('--redis-db', '--redis-db', [CompletionResultType]::ParameterName, 'Redis database number [env: REDIS_DB]')
            [CompletionResult]::new('--cell', '--cell', [CompletionResultType]::ParameterName, 'The cell: one deployment''s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]')
            [CompletionResult]::new('--queue-key', '--queue-key', [CompletionResultType]::ParameterName, 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]')
            [CompletionResult]::new('--redis-username', '--redis-username', [CompletionResultType]::ParameterName, 'ACL user name [env: REDIS_USERNAME]')
            [CompletionResult]::new('--redis-password-file', '--redis-password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]')
            [CompletionResult]::new('--redis-sentinel', '--redis-sentinel', [CompletionResultType]::ParameterName, 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]')
            [CompletionResult]::new('--redis-sentinel-master', '--redis-sentinel-master', [CompletionResultType]::ParameterName, 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]')
            [CompletionResult]::new('--redis-sentinel-username', '--redis-sentinel-username', [CompletionResultType]::ParameterName, 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]')
            [CompletionResult]::new('--redis-sentinel-password-file', '--redis-sentinel-password-file', [CompletionResultType]::ParameterName, 'Read the Sentinels'' own password (not the data nodes'') from this file [env: REDIS_SENTINEL_PASSWORD]')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'PEM file of the CA that signed the servers'' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]')
            [CompletionResult]::new('--min-replicas-ack', '--min-replicas-ack', [CompletionResultType]::ParameterName, 'After each acknowledged write (submit, policy change, cancel, a run''s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]')
            [CompletionResult]::new('--min-replicas-timeout', '--min-replicas-timeout', [CompletionResultType]::ParameterName, 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]')
            [CompletionResult]::new('--redis-timeout', '--redis-timeout', [CompletionResultType]::ParameterName, 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)')
            [CompletionResult]::new('--redis-connect-timeout', '--redis-connect-timeout', [CompletionResultType]::ParameterName, 'How long connecting to Redis may take [default: 3s]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the in-memory store (development only; state is lost on exit)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tartarus;policy;help' {
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Validate and store policies from a YAML file (one bad document applies nothing); an unchanged set is reported as such and bumps nothing')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Stored policies with their mode and rule count')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'One stored policy as YAML/JSON')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete policies (one version bump)')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'Changes, newest first: version, time, who, what')
            [CompletionResult]::new('rollback', 'rollback', [CompletionResultType]::ParameterValue, 'Restore the policy set as it stood after version N (recorded as a new version)')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Judge a sandbox file against the stored policies (or --policies FILE, offline) and explain the verdict; exits 0 allow, 20 deny, 21 quarantine')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tartarus;policy;help;apply' {
            break
        }
        'tartarus;policy;help;list' {
            break
        }
        'tartarus;policy;help;get' {
            break
        }
        'tartarus;policy;help;delete' {
            break
        }
        'tartarus;policy;help;history' {
            break
        }
        'tartarus;policy;help;rollback' {
            break
        }
        'tartarus;policy;help;test' {
            break
        }
        'tartarus;policy;help;help' {
            break
        }
        'tartarus;scheduler' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr: text, or one JSON object per line (for log collectors)')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Deployment environment [env: TARTARUS_ENV]')
            [CompletionResult]::new('--redis-addr', '--redis-addr', [CompletionResultType]::ParameterName, 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]')
            [CompletionResult]::new('--redis-db', '--redis-db', [CompletionResultType]::ParameterName, 'Redis database number [env: REDIS_DB]')
            [CompletionResult]::new('--cell', '--cell', [CompletionResultType]::ParameterName, 'The cell: one deployment''s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]')
            [CompletionResult]::new('--queue-key', '--queue-key', [CompletionResultType]::ParameterName, 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]')
            [CompletionResult]::new('--redis-username', '--redis-username', [CompletionResultType]::ParameterName, 'ACL user name [env: REDIS_USERNAME]')
            [CompletionResult]::new('--redis-password-file', '--redis-password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]')
            [CompletionResult]::new('--redis-sentinel', '--redis-sentinel', [CompletionResultType]::ParameterName, 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]')
            [CompletionResult]::new('--redis-sentinel-master', '--redis-sentinel-master', [CompletionResultType]::ParameterName, 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]')
            [CompletionResult]::new('--redis-sentinel-username', '--redis-sentinel-username', [CompletionResultType]::ParameterName, 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]')
            [CompletionResult]::new('--redis-sentinel-password-file', '--redis-sentinel-password-file', [CompletionResultType]::ParameterName, 'Read the Sentinels'' own password (not the data nodes'') from this file [env: REDIS_SENTINEL_PASSWORD]')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'PEM file of the CA that signed the servers'' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]')
            [CompletionResult]::new('--min-replicas-ack', '--min-replicas-ack', [CompletionResultType]::ParameterName, 'After each acknowledged write (submit, policy change, cancel, a run''s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]')
            [CompletionResult]::new('--min-replicas-timeout', '--min-replicas-timeout', [CompletionResultType]::ParameterName, 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]')
            [CompletionResult]::new('--redis-timeout', '--redis-timeout', [CompletionResultType]::ParameterName, 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)')
            [CompletionResult]::new('--redis-connect-timeout', '--redis-connect-timeout', [CompletionResultType]::ParameterName, 'How long connecting to Redis may take [default: 3s]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the in-memory store (development only; state is lost on exit)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run the scheduler loop until SIGINT/SIGTERM (or, with --once, until the queue is empty)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tartarus;scheduler;run' {
            [CompletionResult]::new('--batch', '--batch', [CompletionResultType]::ParameterName, 'Runs claimed per batch')
            [CompletionResult]::new('--lease', '--lease', [CompletionResultType]::ParameterName, 'Lease on claimed runs (a crashed scheduler''s runs return after it)')
            [CompletionResult]::new('--max-attempts', '--max-attempts', [CompletionResultType]::ParameterName, 'Placements before a run whose node keeps dying is dead-lettered')
            [CompletionResult]::new('--retain-finished', '--retain-finished', [CompletionResultType]::ParameterName, 'Keep finished runs (and their events and agent logs) this long, then delete them; stored as the cell''s window, which every scheduler and agent follows [stored value, else 7d]')
            [CompletionResult]::new('--archive-dir', '--archive-dir', [CompletionResultType]::ParameterName, 'Append every finished run to DIR/<UTC hour>.jsonl (fsynced) before retention deletes it')
            [CompletionResult]::new('--metrics-addr', '--metrics-addr', [CompletionResultType]::ParameterName, 'Serve Prometheus metrics at http://HOST:PORT/metrics, with /healthz (alive) and /readyz (Redis answers, policies loaded, node registered) probes; off by default')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr: text, or one JSON object per line (for log collectors)')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Deployment environment [env: TARTARUS_ENV]')
            [CompletionResult]::new('--redis-addr', '--redis-addr', [CompletionResultType]::ParameterName, 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]')
            [CompletionResult]::new('--redis-db', '--redis-db', [CompletionResultType]::ParameterName, 'Redis database number [env: REDIS_DB]')
            [CompletionResult]::new('--cell', '--cell', [CompletionResultType]::ParameterName, 'The cell: one deployment''s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]')
            [CompletionResult]::new('--queue-key', '--queue-key', [CompletionResultType]::ParameterName, 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]')
            [CompletionResult]::new('--redis-username', '--redis-username', [CompletionResultType]::ParameterName, 'ACL user name [env: REDIS_USERNAME]')
            [CompletionResult]::new('--redis-password-file', '--redis-password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]')
            [CompletionResult]::new('--redis-sentinel', '--redis-sentinel', [CompletionResultType]::ParameterName, 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]')
            [CompletionResult]::new('--redis-sentinel-master', '--redis-sentinel-master', [CompletionResultType]::ParameterName, 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]')
            [CompletionResult]::new('--redis-sentinel-username', '--redis-sentinel-username', [CompletionResultType]::ParameterName, 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]')
            [CompletionResult]::new('--redis-sentinel-password-file', '--redis-sentinel-password-file', [CompletionResultType]::ParameterName, 'Read the Sentinels'' own password (not the data nodes'') from this file [env: REDIS_SENTINEL_PASSWORD]')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'PEM file of the CA that signed the servers'' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]')
            [CompletionResult]::new('--min-replicas-ack', '--min-replicas-ack', [CompletionResultType]::ParameterName, 'After each acknowledged write (submit, policy change, cancel, a run''s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]')
            [CompletionResult]::new('--min-replicas-timeout', '--min-replicas-timeout', [CompletionResultType]::ParameterName, 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]')
            [CompletionResult]::new('--redis-timeout', '--redis-timeout', [CompletionResultType]::ParameterName, 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)')
            [CompletionResult]::new('--redis-connect-timeout', '--redis-connect-timeout', [CompletionResultType]::ParameterName, 'How long connecting to Redis may take [default: 3s]')
            [CompletionResult]::new('--once', '--once', [CompletionResultType]::ParameterName, 'Drain the queue once and exit (for scripts)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the in-memory store (development only; state is lost on exit)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tartarus;scheduler;help' {
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run the scheduler loop until SIGINT/SIGTERM (or, with --once, until the queue is empty)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tartarus;scheduler;help;run' {
            break
        }
        'tartarus;scheduler;help;help' {
            break
        }
        'tartarus;agent' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr: text, or one JSON object per line (for log collectors)')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Deployment environment [env: TARTARUS_ENV]')
            [CompletionResult]::new('--redis-addr', '--redis-addr', [CompletionResultType]::ParameterName, 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]')
            [CompletionResult]::new('--redis-db', '--redis-db', [CompletionResultType]::ParameterName, 'Redis database number [env: REDIS_DB]')
            [CompletionResult]::new('--cell', '--cell', [CompletionResultType]::ParameterName, 'The cell: one deployment''s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]')
            [CompletionResult]::new('--queue-key', '--queue-key', [CompletionResultType]::ParameterName, 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]')
            [CompletionResult]::new('--redis-username', '--redis-username', [CompletionResultType]::ParameterName, 'ACL user name [env: REDIS_USERNAME]')
            [CompletionResult]::new('--redis-password-file', '--redis-password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]')
            [CompletionResult]::new('--redis-sentinel', '--redis-sentinel', [CompletionResultType]::ParameterName, 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]')
            [CompletionResult]::new('--redis-sentinel-master', '--redis-sentinel-master', [CompletionResultType]::ParameterName, 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]')
            [CompletionResult]::new('--redis-sentinel-username', '--redis-sentinel-username', [CompletionResultType]::ParameterName, 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]')
            [CompletionResult]::new('--redis-sentinel-password-file', '--redis-sentinel-password-file', [CompletionResultType]::ParameterName, 'Read the Sentinels'' own password (not the data nodes'') from this file [env: REDIS_SENTINEL_PASSWORD]')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'PEM file of the CA that signed the servers'' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]')
            [CompletionResult]::new('--min-replicas-ack', '--min-replicas-ack', [CompletionResultType]::ParameterName, 'After each acknowledged write (submit, policy change, cancel, a run''s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]')
            [CompletionResult]::new('--min-replicas-timeout', '--min-replicas-timeout', [CompletionResultType]::ParameterName, 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]')
            [CompletionResult]::new('--redis-timeout', '--redis-timeout', [CompletionResultType]::ParameterName, 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)')
            [CompletionResult]::new('--redis-connect-timeout', '--redis-connect-timeout', [CompletionResultType]::ParameterName, 'How long connecting to Redis may take [default: 3s]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the in-memory store (development only; state is lost on exit)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run an agent for one node until SIGINT/SIGTERM (then drain)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tartarus;agent;run' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Node name')
            [CompletionResult]::new('--labels', '--labels', [CompletionResultType]::ParameterName, 'Labels k=v,k=v (default: $HADES_LABEL, e.g. HADES_LABEL="tartarus.io/typhon=true")')
            [CompletionResult]::new('--cpu', '--cpu', [CompletionResultType]::ParameterName, 'CPU capacity (cores or millicores)')
            [CompletionResult]::new('--memory', '--memory', [CompletionResultType]::ParameterName, 'Memory capacity')
            [CompletionResult]::new('--gpu', '--gpu', [CompletionResultType]::ParameterName, 'GPU capacity')
            [CompletionResult]::new('--slots', '--slots', [CompletionResultType]::ParameterName, 'Concurrent sandboxes')
            [CompletionResult]::new('--runtime', '--runtime', [CompletionResultType]::ParameterName, 'How sandboxes are isolated')
            [CompletionResult]::new('--ttl', '--ttl', [CompletionResultType]::ParameterName, 'Lease (heartbeat validity, renewed every fifth of it). Sandboxes keep running through a Redis outage shorter than about TTL − TTL/5 − 3 s and are killed before it runs out; a dead agent''s runs are retried elsewhere after it')
            [CompletionResult]::new('--poll', '--poll', [CompletionResultType]::ParameterName, 'How often to look for new work and cancellations')
            [CompletionResult]::new('--drain-deadline', '--drain-deadline', [CompletionResultType]::ParameterName, 'On SIGTERM, how long running sandboxes may finish before they are handed back')
            [CompletionResult]::new('--max-attempts', '--max-attempts', [CompletionResultType]::ParameterName, 'Attempts after which a handed-back run is dead-lettered')
            [CompletionResult]::new('--work-dir', '--work-dir', [CompletionResultType]::ParameterName, 'Folder for the sandboxes'' private working folders (default: <tmp>/tartarus-agent/<name>/work)')
            [CompletionResult]::new('--log-dir', '--log-dir', [CompletionResultType]::ParameterName, 'Folder for the capped full logs, <run>.log (default: <tmp>/tartarus-agent/<name>/logs)')
            [CompletionResult]::new('--state-dir', '--state-dir', [CompletionResultType]::ParameterName, 'Local state: the agent''s supervisor and sandbox pids, so a restarted agent stops what its previous incarnation left running (default: <work-dir>/.state)')
            [CompletionResult]::new('--uid-base', '--uid-base', [CompletionResultType]::ParameterName, 'When run as root: sandboxes run as uid and gid N + slot index (groups cleared)')
            [CompletionResult]::new('--image-dir', '--image-dir', [CompletionResultType]::ParameterName, 'bwrap: image root filesystems, one folder per image (`alpine:3.20` → DIR/alpine_3.20), used as the sandbox''s / instead of the host''s system folders')
            [CompletionResult]::new('--env-from-dir', '--env-from-dir', [CompletionResultType]::ParameterName, 'The only folder `envFrom` files are read from: a spec''s `envFrom.file` must lie inside it (no `..` or symlink out), and it and the file must belong to root or the agent''s user and not be writable by group or others. Without it, runs with `envFrom` fail')
            [CompletionResult]::new('--metrics-addr', '--metrics-addr', [CompletionResultType]::ParameterName, 'Serve Prometheus metrics at http://HOST:PORT/metrics, with /healthz (alive) and /readyz (Redis answers, policies loaded, node registered) probes; off by default')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr: text, or one JSON object per line (for log collectors)')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Deployment environment [env: TARTARUS_ENV]')
            [CompletionResult]::new('--redis-addr', '--redis-addr', [CompletionResultType]::ParameterName, 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]')
            [CompletionResult]::new('--redis-db', '--redis-db', [CompletionResultType]::ParameterName, 'Redis database number [env: REDIS_DB]')
            [CompletionResult]::new('--cell', '--cell', [CompletionResultType]::ParameterName, 'The cell: one deployment''s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]')
            [CompletionResult]::new('--queue-key', '--queue-key', [CompletionResultType]::ParameterName, 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]')
            [CompletionResult]::new('--redis-username', '--redis-username', [CompletionResultType]::ParameterName, 'ACL user name [env: REDIS_USERNAME]')
            [CompletionResult]::new('--redis-password-file', '--redis-password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]')
            [CompletionResult]::new('--redis-sentinel', '--redis-sentinel', [CompletionResultType]::ParameterName, 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]')
            [CompletionResult]::new('--redis-sentinel-master', '--redis-sentinel-master', [CompletionResultType]::ParameterName, 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]')
            [CompletionResult]::new('--redis-sentinel-username', '--redis-sentinel-username', [CompletionResultType]::ParameterName, 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]')
            [CompletionResult]::new('--redis-sentinel-password-file', '--redis-sentinel-password-file', [CompletionResultType]::ParameterName, 'Read the Sentinels'' own password (not the data nodes'') from this file [env: REDIS_SENTINEL_PASSWORD]')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'PEM file of the CA that signed the servers'' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]')
            [CompletionResult]::new('--min-replicas-ack', '--min-replicas-ack', [CompletionResultType]::ParameterName, 'After each acknowledged write (submit, policy change, cancel, a run''s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]')
            [CompletionResult]::new('--min-replicas-timeout', '--min-replicas-timeout', [CompletionResultType]::ParameterName, 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]')
            [CompletionResult]::new('--redis-timeout', '--redis-timeout', [CompletionResultType]::ParameterName, 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)')
            [CompletionResult]::new('--redis-connect-timeout', '--redis-connect-timeout', [CompletionResultType]::ParameterName, 'How long connecting to Redis may take [default: 3s]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the in-memory store (development only; state is lost on exit)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tartarus;agent;help' {
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run an agent for one node until SIGINT/SIGTERM (then drain)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tartarus;agent;help;run' {
            break
        }
        'tartarus;agent;help;help' {
            break
        }
        'tartarus;up' {
            [CompletionResult]::new('--nodes', '--nodes', [CompletionResultType]::ParameterName, 'Local agents to run, as a YAML list (name, labels, cpu, memory, gpu, slots); default: one standard, one phlegethon and one typhon node (see examples/nodes.yaml)')
            [CompletionResult]::new('--agent', '--agent', [CompletionResultType]::ParameterName, 'Add a local agent: NAME or NAME:k=v,k=v (repeatable; 4 cpu, 8Gi, 8 slots)')
            [CompletionResult]::new('--runtime', '--runtime', [CompletionResultType]::ParameterName, 'Isolation for the local agents'' sandboxes')
            [CompletionResult]::new('--env-from-dir', '--env-from-dir', [CompletionResultType]::ParameterName, 'The only folder the local agents read `envFrom` files from (owned by root or you, not writable by group or others); without it, runs with `envFrom` fail')
            [CompletionResult]::new('--policies', '--policies', [CompletionResultType]::ParameterName, 'Themis policies to apply first (YAML)')
            [CompletionResult]::new('--submit', '--submit', [CompletionResultType]::ParameterName, 'Sandbox file to submit')
            [CompletionResult]::new('--batch', '--batch', [CompletionResultType]::ParameterName, 'Runs claimed per batch')
            [CompletionResult]::new('--lease', '--lease', [CompletionResultType]::ParameterName, 'Lease on claimed runs (a crashed scheduler''s runs return after it)')
            [CompletionResult]::new('--max-attempts', '--max-attempts', [CompletionResultType]::ParameterName, 'Placements before a run whose node keeps dying is dead-lettered')
            [CompletionResult]::new('--retain-finished', '--retain-finished', [CompletionResultType]::ParameterName, 'Keep finished runs (and their events and agent logs) this long, then delete them; stored as the cell''s window, which every scheduler and agent follows [stored value, else 7d]')
            [CompletionResult]::new('--archive-dir', '--archive-dir', [CompletionResultType]::ParameterName, 'Append every finished run to DIR/<UTC hour>.jsonl (fsynced) before retention deletes it')
            [CompletionResult]::new('--metrics-addr', '--metrics-addr', [CompletionResultType]::ParameterName, 'Serve Prometheus metrics at http://HOST:PORT/metrics, with /healthz (alive) and /readyz (Redis answers, policies loaded, node registered) probes; off by default')
            [CompletionResult]::new('--max-file-size', '--max-file-size', [CompletionResultType]::ParameterName, 'Largest input file (`64Mi`, `1Gi`; at most 4Gi)')
            [CompletionResult]::new('--max-documents', '--max-documents', [CompletionResultType]::ParameterName, 'Most documents in one input file (at most 1000000)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr: text, or one JSON object per line (for log collectors)')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Deployment environment [env: TARTARUS_ENV]')
            [CompletionResult]::new('--redis-addr', '--redis-addr', [CompletionResultType]::ParameterName, 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]')
            [CompletionResult]::new('--redis-db', '--redis-db', [CompletionResultType]::ParameterName, 'Redis database number [env: REDIS_DB]')
            [CompletionResult]::new('--cell', '--cell', [CompletionResultType]::ParameterName, 'The cell: one deployment''s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]')
            [CompletionResult]::new('--queue-key', '--queue-key', [CompletionResultType]::ParameterName, 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]')
            [CompletionResult]::new('--redis-username', '--redis-username', [CompletionResultType]::ParameterName, 'ACL user name [env: REDIS_USERNAME]')
            [CompletionResult]::new('--redis-password-file', '--redis-password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]')
            [CompletionResult]::new('--redis-sentinel', '--redis-sentinel', [CompletionResultType]::ParameterName, 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]')
            [CompletionResult]::new('--redis-sentinel-master', '--redis-sentinel-master', [CompletionResultType]::ParameterName, 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]')
            [CompletionResult]::new('--redis-sentinel-username', '--redis-sentinel-username', [CompletionResultType]::ParameterName, 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]')
            [CompletionResult]::new('--redis-sentinel-password-file', '--redis-sentinel-password-file', [CompletionResultType]::ParameterName, 'Read the Sentinels'' own password (not the data nodes'') from this file [env: REDIS_SENTINEL_PASSWORD]')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'PEM file of the CA that signed the servers'' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]')
            [CompletionResult]::new('--min-replicas-ack', '--min-replicas-ack', [CompletionResultType]::ParameterName, 'After each acknowledged write (submit, policy change, cancel, a run''s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]')
            [CompletionResult]::new('--min-replicas-timeout', '--min-replicas-timeout', [CompletionResultType]::ParameterName, 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]')
            [CompletionResult]::new('--redis-timeout', '--redis-timeout', [CompletionResultType]::ParameterName, 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)')
            [CompletionResult]::new('--redis-connect-timeout', '--redis-connect-timeout', [CompletionResultType]::ParameterName, 'How long connecting to Redis may take [default: 3s]')
            [CompletionResult]::new('--no-agents', '--no-agents', [CompletionResultType]::ParameterName, 'Register the nodes but run no agents: runs are only admitted and placed')
            [CompletionResult]::new('--until-idle', '--until-idle', [CompletionResultType]::ParameterName, 'Exit when nothing is left to do (every run finished, or waiting for a node that will not come), printing a summary of every submitted run')
            [CompletionResult]::new('--exit-code', '--exit-code', [CompletionResultType]::ParameterName, 'With --until-idle: exit 0 only when every submitted run succeeded, else with the `sandbox wait` code of the worst run (the highest: 17 left pending, 15 unfinished, 14 dead, 13 denied/rejected, 12 cancelled, 11 timed out, 10 failed). Without it, `up` exits 0 whatever happened to the runs')
            [CompletionResult]::new('--once', '--once', [CompletionResultType]::ParameterName, 'Drain the queue once and exit (for scripts)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the in-memory store (development only; state is lost on exit)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tartarus;top' {
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Time between refreshes (at least 100ms)')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Stop after N snapshots (default: until q, Ctrl-C or SIGTERM)')
            [CompletionResult]::new('--events', '--events', [CompletionResultType]::ParameterName, 'How many of the latest events to show')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr: text, or one JSON object per line (for log collectors)')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Deployment environment [env: TARTARUS_ENV]')
            [CompletionResult]::new('--redis-addr', '--redis-addr', [CompletionResultType]::ParameterName, 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]')
            [CompletionResult]::new('--redis-db', '--redis-db', [CompletionResultType]::ParameterName, 'Redis database number [env: REDIS_DB]')
            [CompletionResult]::new('--cell', '--cell', [CompletionResultType]::ParameterName, 'The cell: one deployment''s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]')
            [CompletionResult]::new('--queue-key', '--queue-key', [CompletionResultType]::ParameterName, 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]')
            [CompletionResult]::new('--redis-username', '--redis-username', [CompletionResultType]::ParameterName, 'ACL user name [env: REDIS_USERNAME]')
            [CompletionResult]::new('--redis-password-file', '--redis-password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]')
            [CompletionResult]::new('--redis-sentinel', '--redis-sentinel', [CompletionResultType]::ParameterName, 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]')
            [CompletionResult]::new('--redis-sentinel-master', '--redis-sentinel-master', [CompletionResultType]::ParameterName, 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]')
            [CompletionResult]::new('--redis-sentinel-username', '--redis-sentinel-username', [CompletionResultType]::ParameterName, 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]')
            [CompletionResult]::new('--redis-sentinel-password-file', '--redis-sentinel-password-file', [CompletionResultType]::ParameterName, 'Read the Sentinels'' own password (not the data nodes'') from this file [env: REDIS_SENTINEL_PASSWORD]')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'PEM file of the CA that signed the servers'' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]')
            [CompletionResult]::new('--min-replicas-ack', '--min-replicas-ack', [CompletionResultType]::ParameterName, 'After each acknowledged write (submit, policy change, cancel, a run''s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]')
            [CompletionResult]::new('--min-replicas-timeout', '--min-replicas-timeout', [CompletionResultType]::ParameterName, 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]')
            [CompletionResult]::new('--redis-timeout', '--redis-timeout', [CompletionResultType]::ParameterName, 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)')
            [CompletionResult]::new('--redis-connect-timeout', '--redis-connect-timeout', [CompletionResultType]::ParameterName, 'How long connecting to Redis may take [default: 3s]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the in-memory store (development only; state is lost on exit)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tartarus;config' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr: text, or one JSON object per line (for log collectors)')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Deployment environment [env: TARTARUS_ENV]')
            [CompletionResult]::new('--redis-addr', '--redis-addr', [CompletionResultType]::ParameterName, 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]')
            [CompletionResult]::new('--redis-db', '--redis-db', [CompletionResultType]::ParameterName, 'Redis database number [env: REDIS_DB]')
            [CompletionResult]::new('--cell', '--cell', [CompletionResultType]::ParameterName, 'The cell: one deployment''s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]')
            [CompletionResult]::new('--queue-key', '--queue-key', [CompletionResultType]::ParameterName, 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]')
            [CompletionResult]::new('--redis-username', '--redis-username', [CompletionResultType]::ParameterName, 'ACL user name [env: REDIS_USERNAME]')
            [CompletionResult]::new('--redis-password-file', '--redis-password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]')
            [CompletionResult]::new('--redis-sentinel', '--redis-sentinel', [CompletionResultType]::ParameterName, 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]')
            [CompletionResult]::new('--redis-sentinel-master', '--redis-sentinel-master', [CompletionResultType]::ParameterName, 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]')
            [CompletionResult]::new('--redis-sentinel-username', '--redis-sentinel-username', [CompletionResultType]::ParameterName, 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]')
            [CompletionResult]::new('--redis-sentinel-password-file', '--redis-sentinel-password-file', [CompletionResultType]::ParameterName, 'Read the Sentinels'' own password (not the data nodes'') from this file [env: REDIS_SENTINEL_PASSWORD]')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'PEM file of the CA that signed the servers'' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]')
            [CompletionResult]::new('--min-replicas-ack', '--min-replicas-ack', [CompletionResultType]::ParameterName, 'After each acknowledged write (submit, policy change, cancel, a run''s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]')
            [CompletionResult]::new('--min-replicas-timeout', '--min-replicas-timeout', [CompletionResultType]::ParameterName, 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]')
            [CompletionResult]::new('--redis-timeout', '--redis-timeout', [CompletionResultType]::ParameterName, 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)')
            [CompletionResult]::new('--redis-connect-timeout', '--redis-connect-timeout', [CompletionResultType]::ParameterName, 'How long connecting to Redis may take [default: 3s]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the in-memory store (development only; state is lost on exit)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print every setting, its value and its source (flag, env, url, store, default); the password is redacted, and a setting that is not set is null (JSON) or `-` (table). Cell settings kept in Redis (the retention window, `retain_finished_ms`) are read from the store (null, with a warning, when it cannot be reached)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tartarus;config;show' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr: text, or one JSON object per line (for log collectors)')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Deployment environment [env: TARTARUS_ENV]')
            [CompletionResult]::new('--redis-addr', '--redis-addr', [CompletionResultType]::ParameterName, 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]')
            [CompletionResult]::new('--redis-db', '--redis-db', [CompletionResultType]::ParameterName, 'Redis database number [env: REDIS_DB]')
            [CompletionResult]::new('--cell', '--cell', [CompletionResultType]::ParameterName, 'The cell: one deployment''s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]')
            [CompletionResult]::new('--queue-key', '--queue-key', [CompletionResultType]::ParameterName, 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]')
            [CompletionResult]::new('--redis-username', '--redis-username', [CompletionResultType]::ParameterName, 'ACL user name [env: REDIS_USERNAME]')
            [CompletionResult]::new('--redis-password-file', '--redis-password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]')
            [CompletionResult]::new('--redis-sentinel', '--redis-sentinel', [CompletionResultType]::ParameterName, 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]')
            [CompletionResult]::new('--redis-sentinel-master', '--redis-sentinel-master', [CompletionResultType]::ParameterName, 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]')
            [CompletionResult]::new('--redis-sentinel-username', '--redis-sentinel-username', [CompletionResultType]::ParameterName, 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]')
            [CompletionResult]::new('--redis-sentinel-password-file', '--redis-sentinel-password-file', [CompletionResultType]::ParameterName, 'Read the Sentinels'' own password (not the data nodes'') from this file [env: REDIS_SENTINEL_PASSWORD]')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'PEM file of the CA that signed the servers'' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]')
            [CompletionResult]::new('--min-replicas-ack', '--min-replicas-ack', [CompletionResultType]::ParameterName, 'After each acknowledged write (submit, policy change, cancel, a run''s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]')
            [CompletionResult]::new('--min-replicas-timeout', '--min-replicas-timeout', [CompletionResultType]::ParameterName, 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]')
            [CompletionResult]::new('--redis-timeout', '--redis-timeout', [CompletionResultType]::ParameterName, 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)')
            [CompletionResult]::new('--redis-connect-timeout', '--redis-connect-timeout', [CompletionResultType]::ParameterName, 'How long connecting to Redis may take [default: 3s]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the in-memory store (development only; state is lost on exit)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tartarus;config;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print every setting, its value and its source (flag, env, url, store, default); the password is redacted, and a setting that is not set is null (JSON) or `-` (table). Cell settings kept in Redis (the retention window, `retain_finished_ms`) are read from the store (null, with a warning, when it cannot be reached)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tartarus;config;help;show' {
            break
        }
        'tartarus;config;help;help' {
            break
        }
        'tartarus;redis' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr: text, or one JSON object per line (for log collectors)')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Deployment environment [env: TARTARUS_ENV]')
            [CompletionResult]::new('--redis-addr', '--redis-addr', [CompletionResultType]::ParameterName, 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]')
            [CompletionResult]::new('--redis-db', '--redis-db', [CompletionResultType]::ParameterName, 'Redis database number [env: REDIS_DB]')
            [CompletionResult]::new('--cell', '--cell', [CompletionResultType]::ParameterName, 'The cell: one deployment''s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]')
            [CompletionResult]::new('--queue-key', '--queue-key', [CompletionResultType]::ParameterName, 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]')
            [CompletionResult]::new('--redis-username', '--redis-username', [CompletionResultType]::ParameterName, 'ACL user name [env: REDIS_USERNAME]')
            [CompletionResult]::new('--redis-password-file', '--redis-password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]')
            [CompletionResult]::new('--redis-sentinel', '--redis-sentinel', [CompletionResultType]::ParameterName, 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]')
            [CompletionResult]::new('--redis-sentinel-master', '--redis-sentinel-master', [CompletionResultType]::ParameterName, 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]')
            [CompletionResult]::new('--redis-sentinel-username', '--redis-sentinel-username', [CompletionResultType]::ParameterName, 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]')
            [CompletionResult]::new('--redis-sentinel-password-file', '--redis-sentinel-password-file', [CompletionResultType]::ParameterName, 'Read the Sentinels'' own password (not the data nodes'') from this file [env: REDIS_SENTINEL_PASSWORD]')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'PEM file of the CA that signed the servers'' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]')
            [CompletionResult]::new('--min-replicas-ack', '--min-replicas-ack', [CompletionResultType]::ParameterName, 'After each acknowledged write (submit, policy change, cancel, a run''s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]')
            [CompletionResult]::new('--min-replicas-timeout', '--min-replicas-timeout', [CompletionResultType]::ParameterName, 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]')
            [CompletionResult]::new('--redis-timeout', '--redis-timeout', [CompletionResultType]::ParameterName, 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)')
            [CompletionResult]::new('--redis-connect-timeout', '--redis-connect-timeout', [CompletionResultType]::ParameterName, 'How long connecting to Redis may take [default: 3s]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the in-memory store (development only; state is lost on exit)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('health', 'health', [CompletionResultType]::ParameterValue, 'Persistence health: one row per check (AOF, RDB saves, save rules, eviction policy, memory, loading, the role, each replica with its lag, the Sentinels'' quorum, the ACL user), each OK / WARNING / CRITICAL with what it means and how to fix it')
            [CompletionResult]::new('configure', 'configure', [CompletionResultType]::ParameterValue, 'Compare the live settings with the recommended persistence profile; `--apply` sets them')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tartarus;redis;health' {
            [CompletionResult]::new('--max-save-age', '--max-save-age', [CompletionResultType]::ParameterName, 'Warn when the last successful RDB save is older than this while there are unsaved changes (the same as --warning last_save_age=…; a bad value exits 3, UNKNOWN, like every other problem that stops the check)')
            [CompletionResult]::new('--warning', '--warning', [CompletionResultType]::ParameterName, 'WARNING thresholds, NAME=VALUE[,…] (repeatable): last_save_age=2h, memory=80%, latency=100ms, memory_full_in=24h (memory full within that at its recent growth)')
            [CompletionResult]::new('--critical', '--critical', [CompletionResultType]::ParameterName, 'CRITICAL thresholds, NAME=VALUE[,…] (repeatable): last_save_age=24h, memory=95%, latency (none by default), memory_full_in (none by default)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr: text, or one JSON object per line (for log collectors)')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Deployment environment [env: TARTARUS_ENV]')
            [CompletionResult]::new('--redis-addr', '--redis-addr', [CompletionResultType]::ParameterName, 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]')
            [CompletionResult]::new('--redis-db', '--redis-db', [CompletionResultType]::ParameterName, 'Redis database number [env: REDIS_DB]')
            [CompletionResult]::new('--cell', '--cell', [CompletionResultType]::ParameterName, 'The cell: one deployment''s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]')
            [CompletionResult]::new('--queue-key', '--queue-key', [CompletionResultType]::ParameterName, 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]')
            [CompletionResult]::new('--redis-username', '--redis-username', [CompletionResultType]::ParameterName, 'ACL user name [env: REDIS_USERNAME]')
            [CompletionResult]::new('--redis-password-file', '--redis-password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]')
            [CompletionResult]::new('--redis-sentinel', '--redis-sentinel', [CompletionResultType]::ParameterName, 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]')
            [CompletionResult]::new('--redis-sentinel-master', '--redis-sentinel-master', [CompletionResultType]::ParameterName, 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]')
            [CompletionResult]::new('--redis-sentinel-username', '--redis-sentinel-username', [CompletionResultType]::ParameterName, 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]')
            [CompletionResult]::new('--redis-sentinel-password-file', '--redis-sentinel-password-file', [CompletionResultType]::ParameterName, 'Read the Sentinels'' own password (not the data nodes'') from this file [env: REDIS_SENTINEL_PASSWORD]')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'PEM file of the CA that signed the servers'' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]')
            [CompletionResult]::new('--min-replicas-ack', '--min-replicas-ack', [CompletionResultType]::ParameterName, 'After each acknowledged write (submit, policy change, cancel, a run''s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]')
            [CompletionResult]::new('--min-replicas-timeout', '--min-replicas-timeout', [CompletionResultType]::ParameterName, 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]')
            [CompletionResult]::new('--redis-timeout', '--redis-timeout', [CompletionResultType]::ParameterName, 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)')
            [CompletionResult]::new('--redis-connect-timeout', '--redis-connect-timeout', [CompletionResultType]::ParameterName, 'How long connecting to Redis may take [default: 3s]')
            [CompletionResult]::new('--no-record', '--no-record', [CompletionResultType]::ParameterName, 'Do not store this run''s memory sample (for a read-only monitoring user): the forecast then uses the samples other runs stored')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the in-memory store (development only; state is lost on exit)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tartarus;redis;configure' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Which profile to compare with')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr: text, or one JSON object per line (for log collectors)')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Deployment environment [env: TARTARUS_ENV]')
            [CompletionResult]::new('--redis-addr', '--redis-addr', [CompletionResultType]::ParameterName, 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]')
            [CompletionResult]::new('--redis-db', '--redis-db', [CompletionResultType]::ParameterName, 'Redis database number [env: REDIS_DB]')
            [CompletionResult]::new('--cell', '--cell', [CompletionResultType]::ParameterName, 'The cell: one deployment''s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]')
            [CompletionResult]::new('--queue-key', '--queue-key', [CompletionResultType]::ParameterName, 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]')
            [CompletionResult]::new('--redis-username', '--redis-username', [CompletionResultType]::ParameterName, 'ACL user name [env: REDIS_USERNAME]')
            [CompletionResult]::new('--redis-password-file', '--redis-password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]')
            [CompletionResult]::new('--redis-sentinel', '--redis-sentinel', [CompletionResultType]::ParameterName, 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]')
            [CompletionResult]::new('--redis-sentinel-master', '--redis-sentinel-master', [CompletionResultType]::ParameterName, 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]')
            [CompletionResult]::new('--redis-sentinel-username', '--redis-sentinel-username', [CompletionResultType]::ParameterName, 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]')
            [CompletionResult]::new('--redis-sentinel-password-file', '--redis-sentinel-password-file', [CompletionResultType]::ParameterName, 'Read the Sentinels'' own password (not the data nodes'') from this file [env: REDIS_SENTINEL_PASSWORD]')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'PEM file of the CA that signed the servers'' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]')
            [CompletionResult]::new('--min-replicas-ack', '--min-replicas-ack', [CompletionResultType]::ParameterName, 'After each acknowledged write (submit, policy change, cancel, a run''s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]')
            [CompletionResult]::new('--min-replicas-timeout', '--min-replicas-timeout', [CompletionResultType]::ParameterName, 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]')
            [CompletionResult]::new('--redis-timeout', '--redis-timeout', [CompletionResultType]::ParameterName, 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)')
            [CompletionResult]::new('--redis-connect-timeout', '--redis-connect-timeout', [CompletionResultType]::ParameterName, 'How long connecting to Redis may take [default: 3s]')
            [CompletionResult]::new('--apply', '--apply', [CompletionResultType]::ParameterName, 'Apply the differences (CONFIG SET + CONFIG REWRITE) after confirmation')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the in-memory store (development only; state is lost on exit)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tartarus;redis;help' {
            [CompletionResult]::new('health', 'health', [CompletionResultType]::ParameterValue, 'Persistence health: one row per check (AOF, RDB saves, save rules, eviction policy, memory, loading, the role, each replica with its lag, the Sentinels'' quorum, the ACL user), each OK / WARNING / CRITICAL with what it means and how to fix it')
            [CompletionResult]::new('configure', 'configure', [CompletionResultType]::ParameterValue, 'Compare the live settings with the recommended persistence profile; `--apply` sets them')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tartarus;redis;help;health' {
            break
        }
        'tartarus;redis;help;configure' {
            break
        }
        'tartarus;redis;help;help' {
            break
        }
        'tartarus;backup' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr: text, or one JSON object per line (for log collectors)')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Deployment environment [env: TARTARUS_ENV]')
            [CompletionResult]::new('--redis-addr', '--redis-addr', [CompletionResultType]::ParameterName, 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]')
            [CompletionResult]::new('--redis-db', '--redis-db', [CompletionResultType]::ParameterName, 'Redis database number [env: REDIS_DB]')
            [CompletionResult]::new('--cell', '--cell', [CompletionResultType]::ParameterName, 'The cell: one deployment''s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]')
            [CompletionResult]::new('--queue-key', '--queue-key', [CompletionResultType]::ParameterName, 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]')
            [CompletionResult]::new('--redis-username', '--redis-username', [CompletionResultType]::ParameterName, 'ACL user name [env: REDIS_USERNAME]')
            [CompletionResult]::new('--redis-password-file', '--redis-password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]')
            [CompletionResult]::new('--redis-sentinel', '--redis-sentinel', [CompletionResultType]::ParameterName, 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]')
            [CompletionResult]::new('--redis-sentinel-master', '--redis-sentinel-master', [CompletionResultType]::ParameterName, 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]')
            [CompletionResult]::new('--redis-sentinel-username', '--redis-sentinel-username', [CompletionResultType]::ParameterName, 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]')
            [CompletionResult]::new('--redis-sentinel-password-file', '--redis-sentinel-password-file', [CompletionResultType]::ParameterName, 'Read the Sentinels'' own password (not the data nodes'') from this file [env: REDIS_SENTINEL_PASSWORD]')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'PEM file of the CA that signed the servers'' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]')
            [CompletionResult]::new('--min-replicas-ack', '--min-replicas-ack', [CompletionResultType]::ParameterName, 'After each acknowledged write (submit, policy change, cancel, a run''s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]')
            [CompletionResult]::new('--min-replicas-timeout', '--min-replicas-timeout', [CompletionResultType]::ParameterName, 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]')
            [CompletionResult]::new('--redis-timeout', '--redis-timeout', [CompletionResultType]::ParameterName, 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)')
            [CompletionResult]::new('--redis-connect-timeout', '--redis-connect-timeout', [CompletionResultType]::ParameterName, 'How long connecting to Redis may take [default: 3s]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the in-memory store (development only; state is lost on exit)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Take a backup into a new dated folder (manifest.json with sizes, SHA-256, versions, key counts)')
            [CompletionResult]::new('copy', 'copy', [CompletionResultType]::ParameterValue, 'Copy a backup off the machine: to a folder (an NFS or EFS mount) or object storage')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The backups in the directory, oldest first, with a quick status (sizes only; see verify)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check a backup: no links or special files in it, manifest, size and SHA-256 of every file, RDB magic/version/CRC-64, AOF manifest, the RESTORE file of logical backups, and redis-check-rdb/-aof when installed')
            [CompletionResult]::new('prune', 'prune', [CompletionResultType]::ParameterValue, 'Delete backups older than --keep-days that are not among the newest --keep-last')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Restore a backup: offline into a stopped server''s data dir, or online (logical backups)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tartarus;backup;create' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The backup directory (one dated folder per backup inside it)')
            [CompletionResult]::new('--method', '--method', [CompletionResultType]::ParameterName, 'How to take the backup')
            [CompletionResult]::new('--pattern', '--pattern', [CompletionResultType]::ParameterName, 'Key patterns of a logical backup (repeatable; default tartarus:*, themis:* — every cell — and the queue key; one cell: --pattern ''tartarus:{CELL}:*'' --pattern ''themis:{CELL}:*'')')
            [CompletionResult]::new('--bgsave-timeout', '--bgsave-timeout', [CompletionResultType]::ParameterName, 'How long the BGSAVE may take')
            [CompletionResult]::new('--copy-to', '--copy-to', [CompletionResultType]::ParameterName, 'Then copy it off the machine: a folder (an NFS or EFS mount) or s3://bucket/prefix; the copy is read back and checked against the manifest')
            [CompletionResult]::new('--textfile', '--textfile', [CompletionResultType]::ParameterName, 'Also write node_exporter textfile metrics here (atomically), on success and on failure: this command''s outcome with everything `tartarus metrics` reports')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr: text, or one JSON object per line (for log collectors)')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Deployment environment [env: TARTARUS_ENV]')
            [CompletionResult]::new('--redis-addr', '--redis-addr', [CompletionResultType]::ParameterName, 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]')
            [CompletionResult]::new('--redis-db', '--redis-db', [CompletionResultType]::ParameterName, 'Redis database number [env: REDIS_DB]')
            [CompletionResult]::new('--cell', '--cell', [CompletionResultType]::ParameterName, 'The cell: one deployment''s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]')
            [CompletionResult]::new('--queue-key', '--queue-key', [CompletionResultType]::ParameterName, 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]')
            [CompletionResult]::new('--redis-username', '--redis-username', [CompletionResultType]::ParameterName, 'ACL user name [env: REDIS_USERNAME]')
            [CompletionResult]::new('--redis-password-file', '--redis-password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]')
            [CompletionResult]::new('--redis-sentinel', '--redis-sentinel', [CompletionResultType]::ParameterName, 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]')
            [CompletionResult]::new('--redis-sentinel-master', '--redis-sentinel-master', [CompletionResultType]::ParameterName, 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]')
            [CompletionResult]::new('--redis-sentinel-username', '--redis-sentinel-username', [CompletionResultType]::ParameterName, 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]')
            [CompletionResult]::new('--redis-sentinel-password-file', '--redis-sentinel-password-file', [CompletionResultType]::ParameterName, 'Read the Sentinels'' own password (not the data nodes'') from this file [env: REDIS_SENTINEL_PASSWORD]')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'PEM file of the CA that signed the servers'' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]')
            [CompletionResult]::new('--min-replicas-ack', '--min-replicas-ack', [CompletionResultType]::ParameterName, 'After each acknowledged write (submit, policy change, cancel, a run''s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]')
            [CompletionResult]::new('--min-replicas-timeout', '--min-replicas-timeout', [CompletionResultType]::ParameterName, 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]')
            [CompletionResult]::new('--redis-timeout', '--redis-timeout', [CompletionResultType]::ParameterName, 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)')
            [CompletionResult]::new('--redis-connect-timeout', '--redis-connect-timeout', [CompletionResultType]::ParameterName, 'How long connecting to Redis may take [default: 3s]')
            [CompletionResult]::new('--verify', '--verify', [CompletionResultType]::ParameterName, 'Verify the new backup right away (exit 31 when it fails)')
            [CompletionResult]::new('--from-replica', '--from-replica', [CompletionResultType]::ParameterName, 'Take the snapshot from a healthy replica instead of the master (behind Sentinel, one the Sentinels list as in sync; standalone, one the master''s INFO replication shows online), so the master does not fork for it')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the in-memory store (development only; state is lost on exit)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tartarus;backup;copy' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Where a backup id is looked up: a folder or s3://bucket/prefix (not needed with a path or an s3://bucket/prefix/ID reference)')
            [CompletionResult]::new('--textfile', '--textfile', [CompletionResultType]::ParameterName, 'Also write node_exporter textfile metrics here (atomically), on success and on failure: this command''s outcome with everything `tartarus metrics` reports')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr: text, or one JSON object per line (for log collectors)')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Deployment environment [env: TARTARUS_ENV]')
            [CompletionResult]::new('--redis-addr', '--redis-addr', [CompletionResultType]::ParameterName, 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]')
            [CompletionResult]::new('--redis-db', '--redis-db', [CompletionResultType]::ParameterName, 'Redis database number [env: REDIS_DB]')
            [CompletionResult]::new('--cell', '--cell', [CompletionResultType]::ParameterName, 'The cell: one deployment''s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]')
            [CompletionResult]::new('--queue-key', '--queue-key', [CompletionResultType]::ParameterName, 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]')
            [CompletionResult]::new('--redis-username', '--redis-username', [CompletionResultType]::ParameterName, 'ACL user name [env: REDIS_USERNAME]')
            [CompletionResult]::new('--redis-password-file', '--redis-password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]')
            [CompletionResult]::new('--redis-sentinel', '--redis-sentinel', [CompletionResultType]::ParameterName, 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]')
            [CompletionResult]::new('--redis-sentinel-master', '--redis-sentinel-master', [CompletionResultType]::ParameterName, 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]')
            [CompletionResult]::new('--redis-sentinel-username', '--redis-sentinel-username', [CompletionResultType]::ParameterName, 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]')
            [CompletionResult]::new('--redis-sentinel-password-file', '--redis-sentinel-password-file', [CompletionResultType]::ParameterName, 'Read the Sentinels'' own password (not the data nodes'') from this file [env: REDIS_SENTINEL_PASSWORD]')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'PEM file of the CA that signed the servers'' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]')
            [CompletionResult]::new('--min-replicas-ack', '--min-replicas-ack', [CompletionResultType]::ParameterName, 'After each acknowledged write (submit, policy change, cancel, a run''s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]')
            [CompletionResult]::new('--min-replicas-timeout', '--min-replicas-timeout', [CompletionResultType]::ParameterName, 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]')
            [CompletionResult]::new('--redis-timeout', '--redis-timeout', [CompletionResultType]::ParameterName, 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)')
            [CompletionResult]::new('--redis-connect-timeout', '--redis-connect-timeout', [CompletionResultType]::ParameterName, 'How long connecting to Redis may take [default: 3s]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the in-memory store (development only; state is lost on exit)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tartarus;backup;list' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Where backups live: a folder (one dated folder per backup inside it), or object storage (s3://bucket/prefix)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr: text, or one JSON object per line (for log collectors)')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Deployment environment [env: TARTARUS_ENV]')
            [CompletionResult]::new('--redis-addr', '--redis-addr', [CompletionResultType]::ParameterName, 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]')
            [CompletionResult]::new('--redis-db', '--redis-db', [CompletionResultType]::ParameterName, 'Redis database number [env: REDIS_DB]')
            [CompletionResult]::new('--cell', '--cell', [CompletionResultType]::ParameterName, 'The cell: one deployment''s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]')
            [CompletionResult]::new('--queue-key', '--queue-key', [CompletionResultType]::ParameterName, 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]')
            [CompletionResult]::new('--redis-username', '--redis-username', [CompletionResultType]::ParameterName, 'ACL user name [env: REDIS_USERNAME]')
            [CompletionResult]::new('--redis-password-file', '--redis-password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]')
            [CompletionResult]::new('--redis-sentinel', '--redis-sentinel', [CompletionResultType]::ParameterName, 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]')
            [CompletionResult]::new('--redis-sentinel-master', '--redis-sentinel-master', [CompletionResultType]::ParameterName, 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]')
            [CompletionResult]::new('--redis-sentinel-username', '--redis-sentinel-username', [CompletionResultType]::ParameterName, 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]')
            [CompletionResult]::new('--redis-sentinel-password-file', '--redis-sentinel-password-file', [CompletionResultType]::ParameterName, 'Read the Sentinels'' own password (not the data nodes'') from this file [env: REDIS_SENTINEL_PASSWORD]')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'PEM file of the CA that signed the servers'' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]')
            [CompletionResult]::new('--min-replicas-ack', '--min-replicas-ack', [CompletionResultType]::ParameterName, 'After each acknowledged write (submit, policy change, cancel, a run''s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]')
            [CompletionResult]::new('--min-replicas-timeout', '--min-replicas-timeout', [CompletionResultType]::ParameterName, 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]')
            [CompletionResult]::new('--redis-timeout', '--redis-timeout', [CompletionResultType]::ParameterName, 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)')
            [CompletionResult]::new('--redis-connect-timeout', '--redis-connect-timeout', [CompletionResultType]::ParameterName, 'How long connecting to Redis may take [default: 3s]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the in-memory store (development only; state is lost on exit)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tartarus;backup;verify' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Where a backup id is looked up: a folder or s3://bucket/prefix (not needed with a path or an s3://bucket/prefix/ID reference)')
            [CompletionResult]::new('--textfile', '--textfile', [CompletionResultType]::ParameterName, 'Also write node_exporter textfile metrics here (atomically), on success and on failure: this command''s outcome with everything `tartarus metrics` reports')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr: text, or one JSON object per line (for log collectors)')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Deployment environment [env: TARTARUS_ENV]')
            [CompletionResult]::new('--redis-addr', '--redis-addr', [CompletionResultType]::ParameterName, 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]')
            [CompletionResult]::new('--redis-db', '--redis-db', [CompletionResultType]::ParameterName, 'Redis database number [env: REDIS_DB]')
            [CompletionResult]::new('--cell', '--cell', [CompletionResultType]::ParameterName, 'The cell: one deployment''s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]')
            [CompletionResult]::new('--queue-key', '--queue-key', [CompletionResultType]::ParameterName, 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]')
            [CompletionResult]::new('--redis-username', '--redis-username', [CompletionResultType]::ParameterName, 'ACL user name [env: REDIS_USERNAME]')
            [CompletionResult]::new('--redis-password-file', '--redis-password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]')
            [CompletionResult]::new('--redis-sentinel', '--redis-sentinel', [CompletionResultType]::ParameterName, 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]')
            [CompletionResult]::new('--redis-sentinel-master', '--redis-sentinel-master', [CompletionResultType]::ParameterName, 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]')
            [CompletionResult]::new('--redis-sentinel-username', '--redis-sentinel-username', [CompletionResultType]::ParameterName, 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]')
            [CompletionResult]::new('--redis-sentinel-password-file', '--redis-sentinel-password-file', [CompletionResultType]::ParameterName, 'Read the Sentinels'' own password (not the data nodes'') from this file [env: REDIS_SENTINEL_PASSWORD]')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'PEM file of the CA that signed the servers'' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]')
            [CompletionResult]::new('--min-replicas-ack', '--min-replicas-ack', [CompletionResultType]::ParameterName, 'After each acknowledged write (submit, policy change, cancel, a run''s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]')
            [CompletionResult]::new('--min-replicas-timeout', '--min-replicas-timeout', [CompletionResultType]::ParameterName, 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]')
            [CompletionResult]::new('--redis-timeout', '--redis-timeout', [CompletionResultType]::ParameterName, 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)')
            [CompletionResult]::new('--redis-connect-timeout', '--redis-connect-timeout', [CompletionResultType]::ParameterName, 'How long connecting to Redis may take [default: 3s]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the in-memory store (development only; state is lost on exit)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tartarus;backup;prune' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Where backups live: a folder (one dated folder per backup inside it), or object storage (s3://bucket/prefix)')
            [CompletionResult]::new('--keep-days', '--keep-days', [CompletionResultType]::ParameterName, 'Keep every backup younger than this many days (0: age keeps nothing)')
            [CompletionResult]::new('--keep-last', '--keep-last', [CompletionResultType]::ParameterName, 'Keep the newest N backups whatever their age')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr: text, or one JSON object per line (for log collectors)')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Deployment environment [env: TARTARUS_ENV]')
            [CompletionResult]::new('--redis-addr', '--redis-addr', [CompletionResultType]::ParameterName, 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]')
            [CompletionResult]::new('--redis-db', '--redis-db', [CompletionResultType]::ParameterName, 'Redis database number [env: REDIS_DB]')
            [CompletionResult]::new('--cell', '--cell', [CompletionResultType]::ParameterName, 'The cell: one deployment''s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]')
            [CompletionResult]::new('--queue-key', '--queue-key', [CompletionResultType]::ParameterName, 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]')
            [CompletionResult]::new('--redis-username', '--redis-username', [CompletionResultType]::ParameterName, 'ACL user name [env: REDIS_USERNAME]')
            [CompletionResult]::new('--redis-password-file', '--redis-password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]')
            [CompletionResult]::new('--redis-sentinel', '--redis-sentinel', [CompletionResultType]::ParameterName, 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]')
            [CompletionResult]::new('--redis-sentinel-master', '--redis-sentinel-master', [CompletionResultType]::ParameterName, 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]')
            [CompletionResult]::new('--redis-sentinel-username', '--redis-sentinel-username', [CompletionResultType]::ParameterName, 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]')
            [CompletionResult]::new('--redis-sentinel-password-file', '--redis-sentinel-password-file', [CompletionResultType]::ParameterName, 'Read the Sentinels'' own password (not the data nodes'') from this file [env: REDIS_SENTINEL_PASSWORD]')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'PEM file of the CA that signed the servers'' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]')
            [CompletionResult]::new('--min-replicas-ack', '--min-replicas-ack', [CompletionResultType]::ParameterName, 'After each acknowledged write (submit, policy change, cancel, a run''s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]')
            [CompletionResult]::new('--min-replicas-timeout', '--min-replicas-timeout', [CompletionResultType]::ParameterName, 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]')
            [CompletionResult]::new('--redis-timeout', '--redis-timeout', [CompletionResultType]::ParameterName, 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)')
            [CompletionResult]::new('--redis-connect-timeout', '--redis-connect-timeout', [CompletionResultType]::ParameterName, 'How long connecting to Redis may take [default: 3s]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Only show what would be deleted (backups and stale temporary folders)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the in-memory store (development only; state is lost on exit)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tartarus;backup;restore' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Where a backup id is looked up: a folder or s3://bucket/prefix (not needed with a path or an s3://bucket/prefix/ID reference)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Offline: the stopped server''s data directory (its `dir`)')
            [CompletionResult]::new('--appendonly', '--appendonly', [CompletionResultType]::ParameterName, 'Offline: whether the server will start with appendonly yes or no')
            [CompletionResult]::new('--redis-conf', '--redis-conf', [CompletionResultType]::ParameterName, 'Offline: read appendonly, appenddirname, appendfilename and dbfilename from this redis.conf')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr: text, or one JSON object per line (for log collectors)')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Deployment environment [env: TARTARUS_ENV]')
            [CompletionResult]::new('--redis-addr', '--redis-addr', [CompletionResultType]::ParameterName, 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]')
            [CompletionResult]::new('--redis-db', '--redis-db', [CompletionResultType]::ParameterName, 'Redis database number [env: REDIS_DB]')
            [CompletionResult]::new('--cell', '--cell', [CompletionResultType]::ParameterName, 'The cell: one deployment''s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]')
            [CompletionResult]::new('--queue-key', '--queue-key', [CompletionResultType]::ParameterName, 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]')
            [CompletionResult]::new('--redis-username', '--redis-username', [CompletionResultType]::ParameterName, 'ACL user name [env: REDIS_USERNAME]')
            [CompletionResult]::new('--redis-password-file', '--redis-password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]')
            [CompletionResult]::new('--redis-sentinel', '--redis-sentinel', [CompletionResultType]::ParameterName, 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]')
            [CompletionResult]::new('--redis-sentinel-master', '--redis-sentinel-master', [CompletionResultType]::ParameterName, 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]')
            [CompletionResult]::new('--redis-sentinel-username', '--redis-sentinel-username', [CompletionResultType]::ParameterName, 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]')
            [CompletionResult]::new('--redis-sentinel-password-file', '--redis-sentinel-password-file', [CompletionResultType]::ParameterName, 'Read the Sentinels'' own password (not the data nodes'') from this file [env: REDIS_SENTINEL_PASSWORD]')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'PEM file of the CA that signed the servers'' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]')
            [CompletionResult]::new('--min-replicas-ack', '--min-replicas-ack', [CompletionResultType]::ParameterName, 'After each acknowledged write (submit, policy change, cancel, a run''s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]')
            [CompletionResult]::new('--min-replicas-timeout', '--min-replicas-timeout', [CompletionResultType]::ParameterName, 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]')
            [CompletionResult]::new('--redis-timeout', '--redis-timeout', [CompletionResultType]::ParameterName, 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)')
            [CompletionResult]::new('--redis-connect-timeout', '--redis-connect-timeout', [CompletionResultType]::ParameterName, 'How long connecting to Redis may take [default: 3s]')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Offline: restore even though a server answers at the configured address')
            [CompletionResult]::new('--online', '--online', [CompletionResultType]::ParameterName, 'Load a logical backup into the running server (RESTORE … REPLACE)')
            [CompletionResult]::new('--flush', '--flush', [CompletionResultType]::ParameterName, 'Online: first delete the keys matching the backup''s patterns')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Run every check and print what would be moved, written, deleted or loaded; change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the in-memory store (development only; state is lost on exit)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tartarus;backup;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Take a backup into a new dated folder (manifest.json with sizes, SHA-256, versions, key counts)')
            [CompletionResult]::new('copy', 'copy', [CompletionResultType]::ParameterValue, 'Copy a backup off the machine: to a folder (an NFS or EFS mount) or object storage')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The backups in the directory, oldest first, with a quick status (sizes only; see verify)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check a backup: no links or special files in it, manifest, size and SHA-256 of every file, RDB magic/version/CRC-64, AOF manifest, the RESTORE file of logical backups, and redis-check-rdb/-aof when installed')
            [CompletionResult]::new('prune', 'prune', [CompletionResultType]::ParameterValue, 'Delete backups older than --keep-days that are not among the newest --keep-last')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Restore a backup: offline into a stopped server''s data dir, or online (logical backups)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tartarus;backup;help;create' {
            break
        }
        'tartarus;backup;help;copy' {
            break
        }
        'tartarus;backup;help;list' {
            break
        }
        'tartarus;backup;help;verify' {
            break
        }
        'tartarus;backup;help;prune' {
            break
        }
        'tartarus;backup;help;restore' {
            break
        }
        'tartarus;backup;help;help' {
            break
        }
        'tartarus;metrics' {
            [CompletionResult]::new('--textfile', '--textfile', [CompletionResultType]::ParameterName, 'Write the textfile here (atomically: a temporary file in the same folder, fsync, rename); without it, print it')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The backup directory whose newest backups, verifications and last create/copy to report (s3://… counts as --remote)')
            [CompletionResult]::new('--remote', '--remote', [CompletionResultType]::ParameterName, 'The off-machine destination to report too (a folder or s3://bucket/prefix)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr: text, or one JSON object per line (for log collectors)')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Deployment environment [env: TARTARUS_ENV]')
            [CompletionResult]::new('--redis-addr', '--redis-addr', [CompletionResultType]::ParameterName, 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]')
            [CompletionResult]::new('--redis-db', '--redis-db', [CompletionResultType]::ParameterName, 'Redis database number [env: REDIS_DB]')
            [CompletionResult]::new('--cell', '--cell', [CompletionResultType]::ParameterName, 'The cell: one deployment''s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]')
            [CompletionResult]::new('--queue-key', '--queue-key', [CompletionResultType]::ParameterName, 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]')
            [CompletionResult]::new('--redis-username', '--redis-username', [CompletionResultType]::ParameterName, 'ACL user name [env: REDIS_USERNAME]')
            [CompletionResult]::new('--redis-password-file', '--redis-password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]')
            [CompletionResult]::new('--redis-sentinel', '--redis-sentinel', [CompletionResultType]::ParameterName, 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]')
            [CompletionResult]::new('--redis-sentinel-master', '--redis-sentinel-master', [CompletionResultType]::ParameterName, 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]')
            [CompletionResult]::new('--redis-sentinel-username', '--redis-sentinel-username', [CompletionResultType]::ParameterName, 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]')
            [CompletionResult]::new('--redis-sentinel-password-file', '--redis-sentinel-password-file', [CompletionResultType]::ParameterName, 'Read the Sentinels'' own password (not the data nodes'') from this file [env: REDIS_SENTINEL_PASSWORD]')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'PEM file of the CA that signed the servers'' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]')
            [CompletionResult]::new('--min-replicas-ack', '--min-replicas-ack', [CompletionResultType]::ParameterName, 'After each acknowledged write (submit, policy change, cancel, a run''s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]')
            [CompletionResult]::new('--min-replicas-timeout', '--min-replicas-timeout', [CompletionResultType]::ParameterName, 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]')
            [CompletionResult]::new('--redis-timeout', '--redis-timeout', [CompletionResultType]::ParameterName, 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)')
            [CompletionResult]::new('--redis-connect-timeout', '--redis-connect-timeout', [CompletionResultType]::ParameterName, 'How long connecting to Redis may take [default: 3s]')
            [CompletionResult]::new('--no-record', '--no-record', [CompletionResultType]::ParameterName, 'Do not store a memory sample for `redis health`''s forecast')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the in-memory store (development only; state is lost on exit)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tartarus;verify' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr: text, or one JSON object per line (for log collectors)')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Deployment environment [env: TARTARUS_ENV]')
            [CompletionResult]::new('--redis-addr', '--redis-addr', [CompletionResultType]::ParameterName, 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]')
            [CompletionResult]::new('--redis-db', '--redis-db', [CompletionResultType]::ParameterName, 'Redis database number [env: REDIS_DB]')
            [CompletionResult]::new('--cell', '--cell', [CompletionResultType]::ParameterName, 'The cell: one deployment''s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]')
            [CompletionResult]::new('--queue-key', '--queue-key', [CompletionResultType]::ParameterName, 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]')
            [CompletionResult]::new('--redis-username', '--redis-username', [CompletionResultType]::ParameterName, 'ACL user name [env: REDIS_USERNAME]')
            [CompletionResult]::new('--redis-password-file', '--redis-password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]')
            [CompletionResult]::new('--redis-sentinel', '--redis-sentinel', [CompletionResultType]::ParameterName, 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]')
            [CompletionResult]::new('--redis-sentinel-master', '--redis-sentinel-master', [CompletionResultType]::ParameterName, 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]')
            [CompletionResult]::new('--redis-sentinel-username', '--redis-sentinel-username', [CompletionResultType]::ParameterName, 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]')
            [CompletionResult]::new('--redis-sentinel-password-file', '--redis-sentinel-password-file', [CompletionResultType]::ParameterName, 'Read the Sentinels'' own password (not the data nodes'') from this file [env: REDIS_SENTINEL_PASSWORD]')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'PEM file of the CA that signed the servers'' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]')
            [CompletionResult]::new('--min-replicas-ack', '--min-replicas-ack', [CompletionResultType]::ParameterName, 'After each acknowledged write (submit, policy change, cancel, a run''s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]')
            [CompletionResult]::new('--min-replicas-timeout', '--min-replicas-timeout', [CompletionResultType]::ParameterName, 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]')
            [CompletionResult]::new('--redis-timeout', '--redis-timeout', [CompletionResultType]::ParameterName, 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)')
            [CompletionResult]::new('--redis-connect-timeout', '--redis-connect-timeout', [CompletionResultType]::ParameterName, 'How long connecting to Redis may take [default: 3s]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the in-memory store (development only; state is lost on exit)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('persistence', 'persistence', [CompletionResultType]::ParameterValue, 'Prove that Redis keeps what tartarus writes: write a canary, restart, read it back')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tartarus;verify;persistence' {
            [CompletionResult]::new('--restart-cmd', '--restart-cmd', [CompletionResultType]::ParameterName, 'Shell command that restarts Redis (run with `sh -c`; its output goes to stderr)')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'How long to wait for Redis to answer and finish loading after the restart')
            [CompletionResult]::new('--restart-timeout', '--restart-timeout', [CompletionResultType]::ParameterName, 'How long the restart command may run before it is killed')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The backup directory whose figures the textfile reports too (with --textfile)')
            [CompletionResult]::new('--textfile', '--textfile', [CompletionResultType]::ParameterName, 'Also write node_exporter textfile metrics here (atomically), on success and on failure: this command''s outcome with everything `tartarus metrics` reports')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr: text, or one JSON object per line (for log collectors)')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Deployment environment [env: TARTARUS_ENV]')
            [CompletionResult]::new('--redis-addr', '--redis-addr', [CompletionResultType]::ParameterName, 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]')
            [CompletionResult]::new('--redis-db', '--redis-db', [CompletionResultType]::ParameterName, 'Redis database number [env: REDIS_DB]')
            [CompletionResult]::new('--cell', '--cell', [CompletionResultType]::ParameterName, 'The cell: one deployment''s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]')
            [CompletionResult]::new('--queue-key', '--queue-key', [CompletionResultType]::ParameterName, 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]')
            [CompletionResult]::new('--redis-username', '--redis-username', [CompletionResultType]::ParameterName, 'ACL user name [env: REDIS_USERNAME]')
            [CompletionResult]::new('--redis-password-file', '--redis-password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]')
            [CompletionResult]::new('--redis-sentinel', '--redis-sentinel', [CompletionResultType]::ParameterName, 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]')
            [CompletionResult]::new('--redis-sentinel-master', '--redis-sentinel-master', [CompletionResultType]::ParameterName, 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]')
            [CompletionResult]::new('--redis-sentinel-username', '--redis-sentinel-username', [CompletionResultType]::ParameterName, 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]')
            [CompletionResult]::new('--redis-sentinel-password-file', '--redis-sentinel-password-file', [CompletionResultType]::ParameterName, 'Read the Sentinels'' own password (not the data nodes'') from this file [env: REDIS_SENTINEL_PASSWORD]')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'PEM file of the CA that signed the servers'' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]')
            [CompletionResult]::new('--min-replicas-ack', '--min-replicas-ack', [CompletionResultType]::ParameterName, 'After each acknowledged write (submit, policy change, cancel, a run''s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]')
            [CompletionResult]::new('--min-replicas-timeout', '--min-replicas-timeout', [CompletionResultType]::ParameterName, 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]')
            [CompletionResult]::new('--redis-timeout', '--redis-timeout', [CompletionResultType]::ParameterName, 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)')
            [CompletionResult]::new('--redis-connect-timeout', '--redis-connect-timeout', [CompletionResultType]::ParameterName, 'How long connecting to Redis may take [default: 3s]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the in-memory store (development only; state is lost on exit)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tartarus;verify;help' {
            [CompletionResult]::new('persistence', 'persistence', [CompletionResultType]::ParameterValue, 'Prove that Redis keeps what tartarus writes: write a canary, restart, read it back')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tartarus;verify;help;persistence' {
            break
        }
        'tartarus;verify;help;help' {
            break
        }
        'tartarus;migrate' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Copy from this old server (host:port, redis://… or rediss://…) into the configured Redis (a single server or a Redis Cluster) instead of renaming in place; the old server is not changed')
            [CompletionResult]::new('--from-password-file', '--from-password-file', [CompletionResultType]::ParameterName, 'Read the old server''s password from this file (with --from)')
            [CompletionResult]::new('--from-queue-key', '--from-queue-key', [CompletionResultType]::ParameterName, 'The queue key of the old layout (what REDIS_QUEUE_KEY was before the upgrade)')
            [CompletionResult]::new('--batch', '--batch', [CompletionResultType]::ParameterName, 'Keys per round trip')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr: text, or one JSON object per line (for log collectors)')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Deployment environment [env: TARTARUS_ENV]')
            [CompletionResult]::new('--redis-addr', '--redis-addr', [CompletionResultType]::ParameterName, 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]')
            [CompletionResult]::new('--redis-db', '--redis-db', [CompletionResultType]::ParameterName, 'Redis database number [env: REDIS_DB]')
            [CompletionResult]::new('--cell', '--cell', [CompletionResultType]::ParameterName, 'The cell: one deployment''s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]')
            [CompletionResult]::new('--queue-key', '--queue-key', [CompletionResultType]::ParameterName, 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]')
            [CompletionResult]::new('--redis-username', '--redis-username', [CompletionResultType]::ParameterName, 'ACL user name [env: REDIS_USERNAME]')
            [CompletionResult]::new('--redis-password-file', '--redis-password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]')
            [CompletionResult]::new('--redis-sentinel', '--redis-sentinel', [CompletionResultType]::ParameterName, 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]')
            [CompletionResult]::new('--redis-sentinel-master', '--redis-sentinel-master', [CompletionResultType]::ParameterName, 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]')
            [CompletionResult]::new('--redis-sentinel-username', '--redis-sentinel-username', [CompletionResultType]::ParameterName, 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]')
            [CompletionResult]::new('--redis-sentinel-password-file', '--redis-sentinel-password-file', [CompletionResultType]::ParameterName, 'Read the Sentinels'' own password (not the data nodes'') from this file [env: REDIS_SENTINEL_PASSWORD]')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'PEM file of the CA that signed the servers'' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]')
            [CompletionResult]::new('--min-replicas-ack', '--min-replicas-ack', [CompletionResultType]::ParameterName, 'After each acknowledged write (submit, policy change, cancel, a run''s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]')
            [CompletionResult]::new('--min-replicas-timeout', '--min-replicas-timeout', [CompletionResultType]::ParameterName, 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]')
            [CompletionResult]::new('--redis-timeout', '--redis-timeout', [CompletionResultType]::ParameterName, 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)')
            [CompletionResult]::new('--redis-connect-timeout', '--redis-connect-timeout', [CompletionResultType]::ParameterName, 'How long connecting to Redis may take [default: 3s]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Count what would move and check for conflicts; change nothing')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Go on although schedulers or agents of the previous version still announce themselves')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the in-memory store (development only; state is lost on exit)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tartarus;bench' {
            [CompletionResult]::new('--runs', '--runs', [CompletionResultType]::ParameterName, 'Runs to submit')
            [CompletionResult]::new('--claim-batch', '--claim-batch', [CompletionResultType]::ParameterName, 'Runs per claim')
            [CompletionResult]::new('--raw-requests', '--raw-requests', [CompletionResultType]::ParameterName, 'SET requests redis-benchmark sends for the raw server rate')
            [CompletionResult]::new('--e2e-runs', '--e2e-runs', [CompletionResultType]::ParameterName, 'Runs for the end-to-end figure (submit → admitted → scheduled, one scheduler, 16 nodes, 10 policies)')
            [CompletionResult]::new('--e2e-batch', '--e2e-batch', [CompletionResultType]::ParameterName, 'Scheduler batch size for the end-to-end figure')
            [CompletionResult]::new('--latency-secs', '--latency-secs', [CompletionResultType]::ParameterName, 'Seconds of steady 1,000 runs/s for the latency figure (0 skips it)')
            [CompletionResult]::new('--lifecycle-runs', '--lifecycle-runs', [CompletionResultType]::ParameterName, 'Runs for the whole-lifecycle figure (submit → admitted → scheduled → running → succeeded; one scheduler, one in-process agent whose executor completes at once; 0 skips it)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr: text, or one JSON object per line (for log collectors)')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Deployment environment [env: TARTARUS_ENV]')
            [CompletionResult]::new('--redis-addr', '--redis-addr', [CompletionResultType]::ParameterName, 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]')
            [CompletionResult]::new('--redis-db', '--redis-db', [CompletionResultType]::ParameterName, 'Redis database number [env: REDIS_DB]')
            [CompletionResult]::new('--cell', '--cell', [CompletionResultType]::ParameterName, 'The cell: one deployment''s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]')
            [CompletionResult]::new('--queue-key', '--queue-key', [CompletionResultType]::ParameterName, 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]')
            [CompletionResult]::new('--redis-username', '--redis-username', [CompletionResultType]::ParameterName, 'ACL user name [env: REDIS_USERNAME]')
            [CompletionResult]::new('--redis-password-file', '--redis-password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]')
            [CompletionResult]::new('--redis-sentinel', '--redis-sentinel', [CompletionResultType]::ParameterName, 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]')
            [CompletionResult]::new('--redis-sentinel-master', '--redis-sentinel-master', [CompletionResultType]::ParameterName, 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]')
            [CompletionResult]::new('--redis-sentinel-username', '--redis-sentinel-username', [CompletionResultType]::ParameterName, 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]')
            [CompletionResult]::new('--redis-sentinel-password-file', '--redis-sentinel-password-file', [CompletionResultType]::ParameterName, 'Read the Sentinels'' own password (not the data nodes'') from this file [env: REDIS_SENTINEL_PASSWORD]')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'PEM file of the CA that signed the servers'' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]')
            [CompletionResult]::new('--min-replicas-ack', '--min-replicas-ack', [CompletionResultType]::ParameterName, 'After each acknowledged write (submit, policy change, cancel, a run''s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]')
            [CompletionResult]::new('--min-replicas-timeout', '--min-replicas-timeout', [CompletionResultType]::ParameterName, 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]')
            [CompletionResult]::new('--redis-timeout', '--redis-timeout', [CompletionResultType]::ParameterName, 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)')
            [CompletionResult]::new('--redis-connect-timeout', '--redis-connect-timeout', [CompletionResultType]::ParameterName, 'How long connecting to Redis may take [default: 3s]')
            [CompletionResult]::new('--no-raw', '--no-raw', [CompletionResultType]::ParameterName, 'Skip running redis-benchmark for the raw server rate')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the in-memory store (development only; state is lost on exit)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('backup', 'backup', [CompletionResultType]::ParameterValue, 'Backup and restore speed against redis-cli (--rdb and --pipe) on the same server')
            [CompletionResult]::new('cells', 'cells', [CompletionResultType]::ParameterValue, 'The submit → scheduled path in 1, 2, 3… cells at once, one scheduler per cell, with the rate per cell, the total, and the Redis CPU of each master')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tartarus;bench;backup' {
            [CompletionResult]::new('--populate', '--populate', [CompletionResultType]::ParameterName, 'Keys to add with DEBUG POPULATE (300-byte values) for the RDB figure, under tartarus-bench:rdb (0: use the data already there). Needs `enable-debug-command local` on the server; with `rdbcompression no` the default makes an RDB of about 1.1 GB')
            [CompletionResult]::new('--logical-keys', '--logical-keys', [CompletionResultType]::ParameterName, 'Keys for the logical restore figure (DEBUG POPULATE under tartarus-bench:lg; 0 skips it)')
            [CompletionResult]::new('--rounds', '--rounds', [CompletionResultType]::ParameterName, 'Rounds of each measurement (the median is reported)')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Scratch folder for the backups and redis-cli''s files (default: a new folder in the temp dir)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr: text, or one JSON object per line (for log collectors)')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Deployment environment [env: TARTARUS_ENV]')
            [CompletionResult]::new('--redis-addr', '--redis-addr', [CompletionResultType]::ParameterName, 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]')
            [CompletionResult]::new('--redis-db', '--redis-db', [CompletionResultType]::ParameterName, 'Redis database number [env: REDIS_DB]')
            [CompletionResult]::new('--cell', '--cell', [CompletionResultType]::ParameterName, 'The cell: one deployment''s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]')
            [CompletionResult]::new('--queue-key', '--queue-key', [CompletionResultType]::ParameterName, 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]')
            [CompletionResult]::new('--redis-username', '--redis-username', [CompletionResultType]::ParameterName, 'ACL user name [env: REDIS_USERNAME]')
            [CompletionResult]::new('--redis-password-file', '--redis-password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]')
            [CompletionResult]::new('--redis-sentinel', '--redis-sentinel', [CompletionResultType]::ParameterName, 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]')
            [CompletionResult]::new('--redis-sentinel-master', '--redis-sentinel-master', [CompletionResultType]::ParameterName, 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]')
            [CompletionResult]::new('--redis-sentinel-username', '--redis-sentinel-username', [CompletionResultType]::ParameterName, 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]')
            [CompletionResult]::new('--redis-sentinel-password-file', '--redis-sentinel-password-file', [CompletionResultType]::ParameterName, 'Read the Sentinels'' own password (not the data nodes'') from this file [env: REDIS_SENTINEL_PASSWORD]')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'PEM file of the CA that signed the servers'' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]')
            [CompletionResult]::new('--min-replicas-ack', '--min-replicas-ack', [CompletionResultType]::ParameterName, 'After each acknowledged write (submit, policy change, cancel, a run''s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]')
            [CompletionResult]::new('--min-replicas-timeout', '--min-replicas-timeout', [CompletionResultType]::ParameterName, 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]')
            [CompletionResult]::new('--redis-timeout', '--redis-timeout', [CompletionResultType]::ParameterName, 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)')
            [CompletionResult]::new('--redis-connect-timeout', '--redis-connect-timeout', [CompletionResultType]::ParameterName, 'How long connecting to Redis may take [default: 3s]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the in-memory store (development only; state is lost on exit)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tartarus;bench;cells' {
            [CompletionResult]::new('--cells', '--cells', [CompletionResultType]::ParameterName, 'Cells per round, comma-separated: one round each (cells on distinct masters in a cluster)')
            [CompletionResult]::new('--runs', '--runs', [CompletionResultType]::ParameterName, 'Runs per cell')
            [CompletionResult]::new('--batch', '--batch', [CompletionResultType]::ParameterName, 'Scheduler batch size')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr: text, or one JSON object per line (for log collectors)')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Deployment environment [env: TARTARUS_ENV]')
            [CompletionResult]::new('--redis-addr', '--redis-addr', [CompletionResultType]::ParameterName, 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]')
            [CompletionResult]::new('--redis-db', '--redis-db', [CompletionResultType]::ParameterName, 'Redis database number [env: REDIS_DB]')
            [CompletionResult]::new('--cell', '--cell', [CompletionResultType]::ParameterName, 'The cell: one deployment''s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]')
            [CompletionResult]::new('--queue-key', '--queue-key', [CompletionResultType]::ParameterName, 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]')
            [CompletionResult]::new('--redis-username', '--redis-username', [CompletionResultType]::ParameterName, 'ACL user name [env: REDIS_USERNAME]')
            [CompletionResult]::new('--redis-password-file', '--redis-password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]')
            [CompletionResult]::new('--redis-sentinel', '--redis-sentinel', [CompletionResultType]::ParameterName, 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]')
            [CompletionResult]::new('--redis-sentinel-master', '--redis-sentinel-master', [CompletionResultType]::ParameterName, 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]')
            [CompletionResult]::new('--redis-sentinel-username', '--redis-sentinel-username', [CompletionResultType]::ParameterName, 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]')
            [CompletionResult]::new('--redis-sentinel-password-file', '--redis-sentinel-password-file', [CompletionResultType]::ParameterName, 'Read the Sentinels'' own password (not the data nodes'') from this file [env: REDIS_SENTINEL_PASSWORD]')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'PEM file of the CA that signed the servers'' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]')
            [CompletionResult]::new('--min-replicas-ack', '--min-replicas-ack', [CompletionResultType]::ParameterName, 'After each acknowledged write (submit, policy change, cancel, a run''s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]')
            [CompletionResult]::new('--min-replicas-timeout', '--min-replicas-timeout', [CompletionResultType]::ParameterName, 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]')
            [CompletionResult]::new('--redis-timeout', '--redis-timeout', [CompletionResultType]::ParameterName, 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)')
            [CompletionResult]::new('--redis-connect-timeout', '--redis-connect-timeout', [CompletionResultType]::ParameterName, 'How long connecting to Redis may take [default: 3s]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the in-memory store (development only; state is lost on exit)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tartarus;bench;help' {
            [CompletionResult]::new('backup', 'backup', [CompletionResultType]::ParameterValue, 'Backup and restore speed against redis-cli (--rdb and --pipe) on the same server')
            [CompletionResult]::new('cells', 'cells', [CompletionResultType]::ParameterValue, 'The submit → scheduled path in 1, 2, 3… cells at once, one scheduler per cell, with the rate per cell, the total, and the Redis CPU of each master')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tartarus;bench;help;backup' {
            break
        }
        'tartarus;bench;help;cells' {
            break
        }
        'tartarus;bench;help;help' {
            break
        }
        'tartarus;completions' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr: text, or one JSON object per line (for log collectors)')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Deployment environment [env: TARTARUS_ENV]')
            [CompletionResult]::new('--redis-addr', '--redis-addr', [CompletionResultType]::ParameterName, 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]')
            [CompletionResult]::new('--redis-db', '--redis-db', [CompletionResultType]::ParameterName, 'Redis database number [env: REDIS_DB]')
            [CompletionResult]::new('--cell', '--cell', [CompletionResultType]::ParameterName, 'The cell: one deployment''s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]')
            [CompletionResult]::new('--queue-key', '--queue-key', [CompletionResultType]::ParameterName, 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]')
            [CompletionResult]::new('--redis-username', '--redis-username', [CompletionResultType]::ParameterName, 'ACL user name [env: REDIS_USERNAME]')
            [CompletionResult]::new('--redis-password-file', '--redis-password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]')
            [CompletionResult]::new('--redis-sentinel', '--redis-sentinel', [CompletionResultType]::ParameterName, 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]')
            [CompletionResult]::new('--redis-sentinel-master', '--redis-sentinel-master', [CompletionResultType]::ParameterName, 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]')
            [CompletionResult]::new('--redis-sentinel-username', '--redis-sentinel-username', [CompletionResultType]::ParameterName, 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]')
            [CompletionResult]::new('--redis-sentinel-password-file', '--redis-sentinel-password-file', [CompletionResultType]::ParameterName, 'Read the Sentinels'' own password (not the data nodes'') from this file [env: REDIS_SENTINEL_PASSWORD]')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'PEM file of the CA that signed the servers'' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]')
            [CompletionResult]::new('--min-replicas-ack', '--min-replicas-ack', [CompletionResultType]::ParameterName, 'After each acknowledged write (submit, policy change, cancel, a run''s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]')
            [CompletionResult]::new('--min-replicas-timeout', '--min-replicas-timeout', [CompletionResultType]::ParameterName, 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]')
            [CompletionResult]::new('--redis-timeout', '--redis-timeout', [CompletionResultType]::ParameterName, 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)')
            [CompletionResult]::new('--redis-connect-timeout', '--redis-connect-timeout', [CompletionResultType]::ParameterName, 'How long connecting to Redis may take [default: 3s]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the in-memory store (development only; state is lost on exit)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tartarus;man' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Folder to write `tartarus*.1` into')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr: text, or one JSON object per line (for log collectors)')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Deployment environment [env: TARTARUS_ENV]')
            [CompletionResult]::new('--redis-addr', '--redis-addr', [CompletionResultType]::ParameterName, 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]')
            [CompletionResult]::new('--redis-db', '--redis-db', [CompletionResultType]::ParameterName, 'Redis database number [env: REDIS_DB]')
            [CompletionResult]::new('--cell', '--cell', [CompletionResultType]::ParameterName, 'The cell: one deployment''s whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), default `default` [env: TARTARUS_CELL]')
            [CompletionResult]::new('--queue-key', '--queue-key', [CompletionResultType]::ParameterName, 'Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]')
            [CompletionResult]::new('--redis-username', '--redis-username', [CompletionResultType]::ParameterName, 'ACL user name [env: REDIS_USERNAME]')
            [CompletionResult]::new('--redis-password-file', '--redis-password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]')
            [CompletionResult]::new('--redis-sentinel', '--redis-sentinel', [CompletionResultType]::ParameterName, 'Find the master through these Sentinels, host:port,host:port,… and follow its failovers (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]')
            [CompletionResult]::new('--redis-sentinel-master', '--redis-sentinel-master', [CompletionResultType]::ParameterName, 'The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]')
            [CompletionResult]::new('--redis-sentinel-username', '--redis-sentinel-username', [CompletionResultType]::ParameterName, 'ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]')
            [CompletionResult]::new('--redis-sentinel-password-file', '--redis-sentinel-password-file', [CompletionResultType]::ParameterName, 'Read the Sentinels'' own password (not the data nodes'') from this file [env: REDIS_SENTINEL_PASSWORD]')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'PEM file of the CA that signed the servers'' certificates (default: the public web roots) [env: REDIS_TLS_CA_FILE]')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]')
            [CompletionResult]::new('--min-replicas-ack', '--min-replicas-ack', [CompletionResultType]::ParameterName, 'After each acknowledged write (submit, policy change, cancel, a run''s start and outcome) wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5 [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]')
            [CompletionResult]::new('--min-replicas-timeout', '--min-replicas-timeout', [CompletionResultType]::ParameterName, 'How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]')
            [CompletionResult]::new('--redis-timeout', '--redis-timeout', [CompletionResultType]::ParameterName, 'How long each Redis command may take [default: 5s] (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)')
            [CompletionResult]::new('--redis-connect-timeout', '--redis-connect-timeout', [CompletionResultType]::ParameterName, 'How long connecting to Redis may take [default: 3s]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations of destructive steps (required without a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option) [env: REDIS_TLS=1]')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Accept any server certificate: encrypted but NOT authenticated (logs a warning; for tests only) [env: REDIS_TLS_INSECURE=1]')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the in-memory store (development only; state is lost on exit)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tartarus;help' {
            [CompletionResult]::new('sandbox', 'sandbox', [CompletionResultType]::ParameterValue, 'Submit, list, inspect, wait for and cancel sandbox runs (Hades)')
            [CompletionResult]::new('queue', 'queue', [CompletionResultType]::ParameterValue, 'Inspect and repair the Acheron queue')
            [CompletionResult]::new('node', 'node', [CompletionResultType]::ParameterValue, 'The node registry: heartbeats, labels, drain, remove')
            [CompletionResult]::new('policy', 'policy', [CompletionResultType]::ParameterValue, 'Themis admission policies: apply, list, test, history, rollback')
            [CompletionResult]::new('scheduler', 'scheduler', [CompletionResultType]::ParameterValue, 'The embedded scheduler loop (Rhadamanthus admission, Phlegethon/Typhon routing)')
            [CompletionResult]::new('agent', 'agent', [CompletionResultType]::ParameterValue, 'A node agent that runs the sandboxes scheduled to its node')
            [CompletionResult]::new('up', 'up', [CompletionResultType]::ParameterValue, 'Everything in one process: local agents, a scheduler, optional policies and a sandbox file; with --until-idle, runs the file to the end and prints a summary')
            [CompletionResult]::new('top', 'top', [CompletionResultType]::ParameterValue, 'A live view: queue depth per state, runs per second, schedulers, nodes, latest events (JSON lines when stdout is not a terminal)')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show the effective configuration')
            [CompletionResult]::new('redis', 'redis', [CompletionResultType]::ParameterValue, 'Redis persistence: health checks (monitoring exit codes) and the recommended settings')
            [CompletionResult]::new('backup', 'backup', [CompletionResultType]::ParameterValue, 'Backups: create, list, verify, prune, restore')
            [CompletionResult]::new('metrics', 'metrics', [CompletionResultType]::ParameterValue, 'Node_exporter textfile metrics for cron jobs: backups (local and off-machine), verify results, Redis persistence status, queue depth')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'End-to-end checks for CI (`verify persistence`)')
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Move a deployment from the key layout before cells into a cell (in place, or --from an old server); resumable, --dry-run counts')
            [CompletionResult]::new('bench', 'bench', [CompletionResultType]::ParameterValue, 'Measure throughput against the configured store (`bench backup`: backup and restore speed)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print shell completions (bash, zsh, fish, powershell, elvish)')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Write man pages for every command into a folder')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tartarus;help;sandbox' {
            [CompletionResult]::new('submit', 'submit', [CompletionResultType]::ParameterValue, 'Submit sandboxes from a YAML file (many documents = bulk, pipelined) or from flags')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List runs, oldest first, with filters and paging')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one run: its document (resubmittable with -o yaml), verdict, placement, outcome and recent events')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Wait until runs finish; the exit code is that of the worst run')
            [CompletionResult]::new('logs', 'logs', [CompletionResultType]::ParameterValue, 'Print a run''s output: the full log when it is readable here, else the stored tail')
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'Stream run and policy events as they happen (`-o json`: one JSON object per line)')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Cancel runs in any unfinished state (frees their node capacity)')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write finished runs with their events as JSON lines (before retention deletes them)')
            break
        }
        'tartarus;help;sandbox;submit' {
            break
        }
        'tartarus;help;sandbox;list' {
            break
        }
        'tartarus;help;sandbox;get' {
            break
        }
        'tartarus;help;sandbox;wait' {
            break
        }
        'tartarus;help;sandbox;logs' {
            break
        }
        'tartarus;help;sandbox;watch' {
            break
        }
        'tartarus;help;sandbox;cancel' {
            break
        }
        'tartarus;help;sandbox;export' {
            break
        }
        'tartarus;help;queue' {
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'Depth, in-flight, pending and dead counts, pause state and runs per state (all O(1))')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the entries of one Acheron list, a page at a time')
            [CompletionResult]::new('peek', 'peek', [CompletionResultType]::ParameterValue, 'The next runs a scheduler would claim, with their names')
            [CompletionResult]::new('purge', 'purge', [CompletionResultType]::ParameterValue, 'Empty a list: queued, leased and pending runs are cancelled; dead letters are deleted with their data')
            [CompletionResult]::new('retry', 'retry', [CompletionResultType]::ParameterValue, 'Send dead letters back to the queue (attempts reset)')
            [CompletionResult]::new('pause', 'pause', [CompletionResultType]::ParameterValue, 'Stop schedulers from claiming (submissions still queue up)')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Let schedulers claim again')
            break
        }
        'tartarus;help;queue;stats' {
            break
        }
        'tartarus;help;queue;list' {
            break
        }
        'tartarus;help;queue;peek' {
            break
        }
        'tartarus;help;queue;purge' {
            break
        }
        'tartarus;help;queue;retry' {
            break
        }
        'tartarus;help;queue;pause' {
            break
        }
        'tartarus;help;queue;resume' {
            break
        }
        'tartarus;help;node' {
            [CompletionResult]::new('register', 'register', [CompletionResultType]::ParameterValue, 'Send one heartbeat for a node (for scripts; agents heartbeat on their own)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every known node: alive or expired, pools, capacity, usage, heartbeat age')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'One node with the runs placed on it')
            [CompletionResult]::new('label', 'label', [CompletionResultType]::ParameterValue, 'Set labels (k=v) or remove them (k-) on a live node')
            [CompletionResult]::new('drain', 'drain', [CompletionResultType]::ParameterValue, 'Stop placing new work on a node (`--undo` to resume)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Forget a node; its runs are requeued (or dead-lettered after too many attempts)')
            break
        }
        'tartarus;help;node;register' {
            break
        }
        'tartarus;help;node;list' {
            break
        }
        'tartarus;help;node;get' {
            break
        }
        'tartarus;help;node;label' {
            break
        }
        'tartarus;help;node;drain' {
            break
        }
        'tartarus;help;node;remove' {
            break
        }
        'tartarus;help;policy' {
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Validate and store policies from a YAML file (one bad document applies nothing); an unchanged set is reported as such and bumps nothing')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Stored policies with their mode and rule count')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'One stored policy as YAML/JSON')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete policies (one version bump)')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'Changes, newest first: version, time, who, what')
            [CompletionResult]::new('rollback', 'rollback', [CompletionResultType]::ParameterValue, 'Restore the policy set as it stood after version N (recorded as a new version)')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Judge a sandbox file against the stored policies (or --policies FILE, offline) and explain the verdict; exits 0 allow, 20 deny, 21 quarantine')
            break
        }
        'tartarus;help;policy;apply' {
            break
        }
        'tartarus;help;policy;list' {
            break
        }
        'tartarus;help;policy;get' {
            break
        }
        'tartarus;help;policy;delete' {
            break
        }
        'tartarus;help;policy;history' {
            break
        }
        'tartarus;help;policy;rollback' {
            break
        }
        'tartarus;help;policy;test' {
            break
        }
        'tartarus;help;scheduler' {
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run the scheduler loop until SIGINT/SIGTERM (or, with --once, until the queue is empty)')
            break
        }
        'tartarus;help;scheduler;run' {
            break
        }
        'tartarus;help;agent' {
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run an agent for one node until SIGINT/SIGTERM (then drain)')
            break
        }
        'tartarus;help;agent;run' {
            break
        }
        'tartarus;help;up' {
            break
        }
        'tartarus;help;top' {
            break
        }
        'tartarus;help;config' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print every setting, its value and its source (flag, env, url, store, default); the password is redacted, and a setting that is not set is null (JSON) or `-` (table). Cell settings kept in Redis (the retention window, `retain_finished_ms`) are read from the store (null, with a warning, when it cannot be reached)')
            break
        }
        'tartarus;help;config;show' {
            break
        }
        'tartarus;help;redis' {
            [CompletionResult]::new('health', 'health', [CompletionResultType]::ParameterValue, 'Persistence health: one row per check (AOF, RDB saves, save rules, eviction policy, memory, loading, the role, each replica with its lag, the Sentinels'' quorum, the ACL user), each OK / WARNING / CRITICAL with what it means and how to fix it')
            [CompletionResult]::new('configure', 'configure', [CompletionResultType]::ParameterValue, 'Compare the live settings with the recommended persistence profile; `--apply` sets them')
            break
        }
        'tartarus;help;redis;health' {
            break
        }
        'tartarus;help;redis;configure' {
            break
        }
        'tartarus;help;backup' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Take a backup into a new dated folder (manifest.json with sizes, SHA-256, versions, key counts)')
            [CompletionResult]::new('copy', 'copy', [CompletionResultType]::ParameterValue, 'Copy a backup off the machine: to a folder (an NFS or EFS mount) or object storage')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The backups in the directory, oldest first, with a quick status (sizes only; see verify)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check a backup: no links or special files in it, manifest, size and SHA-256 of every file, RDB magic/version/CRC-64, AOF manifest, the RESTORE file of logical backups, and redis-check-rdb/-aof when installed')
            [CompletionResult]::new('prune', 'prune', [CompletionResultType]::ParameterValue, 'Delete backups older than --keep-days that are not among the newest --keep-last')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Restore a backup: offline into a stopped server''s data dir, or online (logical backups)')
            break
        }
        'tartarus;help;backup;create' {
            break
        }
        'tartarus;help;backup;copy' {
            break
        }
        'tartarus;help;backup;list' {
            break
        }
        'tartarus;help;backup;verify' {
            break
        }
        'tartarus;help;backup;prune' {
            break
        }
        'tartarus;help;backup;restore' {
            break
        }
        'tartarus;help;metrics' {
            break
        }
        'tartarus;help;verify' {
            [CompletionResult]::new('persistence', 'persistence', [CompletionResultType]::ParameterValue, 'Prove that Redis keeps what tartarus writes: write a canary, restart, read it back')
            break
        }
        'tartarus;help;verify;persistence' {
            break
        }
        'tartarus;help;migrate' {
            break
        }
        'tartarus;help;bench' {
            [CompletionResult]::new('backup', 'backup', [CompletionResultType]::ParameterValue, 'Backup and restore speed against redis-cli (--rdb and --pipe) on the same server')
            [CompletionResult]::new('cells', 'cells', [CompletionResultType]::ParameterValue, 'The submit → scheduled path in 1, 2, 3… cells at once, one scheduler per cell, with the rate per cell, the total, and the Redis CPU of each master')
            break
        }
        'tartarus;help;bench;backup' {
            break
        }
        'tartarus;help;bench;cells' {
            break
        }
        'tartarus;help;completions' {
            break
        }
        'tartarus;help;man' {
            break
        }
        'tartarus;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
