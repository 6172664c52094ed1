# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_tartarus_global_optspecs
    string join \n o/output= y/yes q/quiet v/verbose environment= redis-addr= redis-db= queue-key= redis-username= redis-password-file= tls in-memory redis-timeout= redis-connect-timeout= h/help V/version
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
complete -c tartarus -n "__fish_tartarus_needs_command" -l environment -d 'Deployment environment: development or production [env: TARTARUS_ENV]' -r
complete -c tartarus -n "__fish_tartarus_needs_command" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_needs_command" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_needs_command" -l queue-key -d 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_needs_command" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_needs_command" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_needs_command" -l redis-timeout -d 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_needs_command" -l redis-connect-timeout -d 'How long connecting to Redis may take' -r
complete -c tartarus -n "__fish_tartarus_needs_command" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_needs_command" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_needs_command" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_needs_command" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_needs_command" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_needs_command" -s V -l version -d 'Print version'
complete -c tartarus -n "__fish_tartarus_needs_command" -f -a "sandbox" -d 'Submit, list, inspect and cancel sandbox runs (Hades)'
complete -c tartarus -n "__fish_tartarus_needs_command" -f -a "queue" -d 'Inspect and repair the Acheron queue'
complete -c tartarus -n "__fish_tartarus_needs_command" -f -a "config" -d 'Show the effective configuration'
complete -c tartarus -n "__fish_tartarus_needs_command" -f -a "bench" -d 'Measure throughput against the configured store'
complete -c tartarus -n "__fish_tartarus_needs_command" -f -a "completions" -d 'Print shell completions (bash, zsh, fish, powershell, elvish)'
complete -c tartarus -n "__fish_tartarus_needs_command" -f -a "man" -d 'Write man pages for every command into a folder'
complete -c tartarus -n "__fish_tartarus_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and not __fish_seen_subcommand_from submit list get cancel help" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and not __fish_seen_subcommand_from submit list get cancel help" -l environment -d 'Deployment environment: development or production [env: TARTARUS_ENV]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and not __fish_seen_subcommand_from submit list get cancel help" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and not __fish_seen_subcommand_from submit list get cancel help" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and not __fish_seen_subcommand_from submit list get cancel help" -l queue-key -d 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and not __fish_seen_subcommand_from submit list get cancel help" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and not __fish_seen_subcommand_from submit list get cancel help" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and not __fish_seen_subcommand_from submit list get cancel help" -l redis-timeout -d 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and not __fish_seen_subcommand_from submit list get cancel help" -l redis-connect-timeout -d 'How long connecting to Redis may take' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and not __fish_seen_subcommand_from submit list get cancel help" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and not __fish_seen_subcommand_from submit list get cancel help" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and not __fish_seen_subcommand_from submit list get cancel help" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and not __fish_seen_subcommand_from submit list get cancel help" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and not __fish_seen_subcommand_from submit list get cancel help" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and not __fish_seen_subcommand_from submit list get cancel help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and not __fish_seen_subcommand_from submit list get cancel help" -s V -l version -d 'Print version'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and not __fish_seen_subcommand_from submit list get cancel help" -f -a "submit" -d 'Submit sandboxes from a YAML file (many documents = bulk, pipelined) or from flags'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and not __fish_seen_subcommand_from submit list get cancel help" -f -a "list" -d 'List runs, oldest first, with filters and paging'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and not __fish_seen_subcommand_from submit list get cancel help" -f -a "get" -d 'Show one run: spec, verdict, placement, outcome and its recent events'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and not __fish_seen_subcommand_from submit list get cancel help" -f -a "cancel" -d 'Cancel runs in any unfinished state (frees their node capacity)'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and not __fish_seen_subcommand_from submit list get cancel help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -s f -l file -d 'YAML file with one or more sandbox documents (`-` reads stdin)' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -l name -d 'Name of the sandbox (flags mode)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -l image -d 'Image to run' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -l command -d 'Command and arguments, after `--command` or as the trailing arguments after `--`' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -l cpu -d 'CPU: cores (`2`, `0.5`) or millicores (`500m`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -l memory -d 'Memory: `512Mi`, `2Gi`' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -l gpu -d 'GPUs' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -l timeout -d 'Timeout: `30s`, `5m`, `1h`' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -l heat -d 'Heat class; classified from resources and timeout when not given' -r -f -a "cold\t''
warm\t''
hot\t''
inferno\t''"
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -l priority -d 'Priority 0–1000; higher runs first' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -l label -d 'Label key=value (repeatable)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -l env -d 'Environment variable K=V (repeatable)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -l environment -d 'Deployment environment: development or production [env: TARTARUS_ENV]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -l queue-key -d 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -l redis-timeout -d 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -l redis-connect-timeout -d 'How long connecting to Redis may take' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -l quarantine -d 'Ask for quarantine: the run goes only to Typhon nodes'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -l network -d 'Allow network access inside the sandbox'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from submit" -s V -l version -d 'Print version'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from list" -l state -d 'Only runs in this state' -r -f -a "queued\t'Submitted and waiting in Acheron'
admitted\t'Allowed by Rhadamanthus, not yet placed'
pending\t'Waiting for a feasible node (the reason says why)'
scheduled\t'Assigned to a node, not yet started by its agent'
running\t'Started by the agent'
succeeded\t''
failed\t''
timed-out\t''
cancelled\t''
denied\t'Refused by an admission policy'
rejected\t'Refused by routing (e.g. quarantine with no Typhon node)'
lost\t'Its node\'s heartbeat expired; it will be requeued or dead-lettered'
dead\t'Dead-lettered after too many attempts'"
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from list" -l heat -d 'Only runs of this heat' -r -f -a "cold\t''
warm\t''
hot\t''
inferno\t''"
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from list" -l label -d 'Only runs with this label (k=v)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from list" -l node -d 'Only runs placed on this node' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from list" -l limit -d 'Most runs to print' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from list" -l after -d 'Continue after this run id (the `next` cursor of a previous page)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from list" -l environment -d 'Deployment environment: development or production [env: TARTARUS_ENV]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from list" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from list" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from list" -l queue-key -d 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from list" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from list" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from list" -l redis-timeout -d 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from list" -l redis-connect-timeout -d 'How long connecting to Redis may take' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from list" -l all -d 'Page through everything (ignores --limit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from list" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from list" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from get" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from get" -l environment -d 'Deployment environment: development or production [env: TARTARUS_ENV]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from get" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from get" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from get" -l queue-key -d 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from get" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from get" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from get" -l redis-timeout -d 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from get" -l redis-connect-timeout -d 'How long connecting to Redis may take' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from get" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from get" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from get" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from get" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from get" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from get" -s V -l version -d 'Print version'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from cancel" -l reason -d 'Reason recorded on the run' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from cancel" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from cancel" -l environment -d 'Deployment environment: development or production [env: TARTARUS_ENV]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from cancel" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from cancel" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from cancel" -l queue-key -d 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from cancel" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from cancel" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from cancel" -l redis-timeout -d 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from cancel" -l redis-connect-timeout -d 'How long connecting to Redis may take' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from cancel" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from cancel" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from cancel" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from cancel" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from cancel" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from cancel" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from cancel" -s V -l version -d 'Print version'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from help" -f -a "submit" -d 'Submit sandboxes from a YAML file (many documents = bulk, pipelined) or from flags'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from help" -f -a "list" -d 'List runs, oldest first, with filters and paging'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from help" -f -a "get" -d 'Show one run: spec, verdict, placement, outcome and its recent events'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from help" -f -a "cancel" -d 'Cancel runs in any unfinished state (frees their node capacity)'
complete -c tartarus -n "__fish_tartarus_using_subcommand sandbox; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and not __fish_seen_subcommand_from stats list peek purge retry pause resume help" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and not __fish_seen_subcommand_from stats list peek purge retry pause resume help" -l environment -d 'Deployment environment: development or production [env: TARTARUS_ENV]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and not __fish_seen_subcommand_from stats list peek purge retry pause resume help" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and not __fish_seen_subcommand_from stats list peek purge retry pause resume help" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and not __fish_seen_subcommand_from stats list peek purge retry pause resume help" -l queue-key -d 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and not __fish_seen_subcommand_from stats list peek purge retry pause resume help" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and not __fish_seen_subcommand_from stats list peek purge retry pause resume help" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and not __fish_seen_subcommand_from stats list peek purge retry pause resume help" -l redis-timeout -d 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and not __fish_seen_subcommand_from stats list peek purge retry pause resume help" -l redis-connect-timeout -d 'How long connecting to Redis may take' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and not __fish_seen_subcommand_from stats list peek purge retry pause resume help" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and not __fish_seen_subcommand_from stats list peek purge retry pause resume help" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and not __fish_seen_subcommand_from stats list peek purge retry pause resume help" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and not __fish_seen_subcommand_from stats list peek purge retry pause resume help" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and not __fish_seen_subcommand_from stats list peek purge retry pause resume help" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and not __fish_seen_subcommand_from stats list peek purge retry pause resume help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and not __fish_seen_subcommand_from stats list peek purge retry pause resume help" -s V -l version -d 'Print version'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and not __fish_seen_subcommand_from stats list peek purge retry pause resume help" -f -a "stats" -d 'Depth, in-flight, pending and dead counts, pause state and runs per state (all O(1))'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and not __fish_seen_subcommand_from stats list peek purge retry pause resume help" -f -a "list" -d 'List the entries of one Acheron list'
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
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from stats" -l environment -d 'Deployment environment: development or production [env: TARTARUS_ENV]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from stats" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from stats" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from stats" -l queue-key -d 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from stats" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from stats" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from stats" -l redis-timeout -d 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from stats" -l redis-connect-timeout -d 'How long connecting to Redis may take' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from stats" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from stats" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from stats" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from stats" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from stats" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from stats" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from stats" -s V -l version -d 'Print version'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from list" -l limit -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from list" -l offset -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from list" -l environment -d 'Deployment environment: development or production [env: TARTARUS_ENV]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from list" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from list" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from list" -l queue-key -d 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from list" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from list" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from list" -l redis-timeout -d 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from list" -l redis-connect-timeout -d 'How long connecting to Redis may take' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from list" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from list" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from peek" -s n -l count -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from peek" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from peek" -l environment -d 'Deployment environment: development or production [env: TARTARUS_ENV]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from peek" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from peek" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from peek" -l queue-key -d 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from peek" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from peek" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from peek" -l redis-timeout -d 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from peek" -l redis-connect-timeout -d 'How long connecting to Redis may take' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from peek" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from peek" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from peek" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from peek" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from peek" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from peek" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from peek" -s V -l version -d 'Print version'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from purge" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from purge" -l environment -d 'Deployment environment: development or production [env: TARTARUS_ENV]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from purge" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from purge" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from purge" -l queue-key -d 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from purge" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from purge" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from purge" -l redis-timeout -d 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from purge" -l redis-connect-timeout -d 'How long connecting to Redis may take' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from purge" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from purge" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from purge" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from purge" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from purge" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from purge" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from purge" -s V -l version -d 'Print version'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from retry" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from retry" -l environment -d 'Deployment environment: development or production [env: TARTARUS_ENV]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from retry" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from retry" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from retry" -l queue-key -d 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from retry" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from retry" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from retry" -l redis-timeout -d 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from retry" -l redis-connect-timeout -d 'How long connecting to Redis may take' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from retry" -l all -d 'Every dead letter'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from retry" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from retry" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from retry" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from retry" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from retry" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from retry" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from retry" -s V -l version -d 'Print version'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from pause" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from pause" -l environment -d 'Deployment environment: development or production [env: TARTARUS_ENV]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from pause" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from pause" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from pause" -l queue-key -d 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from pause" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from pause" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from pause" -l redis-timeout -d 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from pause" -l redis-connect-timeout -d 'How long connecting to Redis may take' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from pause" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from pause" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from pause" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from pause" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from pause" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from pause" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from pause" -s V -l version -d 'Print version'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from resume" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from resume" -l environment -d 'Deployment environment: development or production [env: TARTARUS_ENV]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from resume" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from resume" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from resume" -l queue-key -d 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from resume" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from resume" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from resume" -l redis-timeout -d 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from resume" -l redis-connect-timeout -d 'How long connecting to Redis may take' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from resume" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from resume" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from resume" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from resume" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from resume" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from resume" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from resume" -s V -l version -d 'Print version'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from help" -f -a "stats" -d 'Depth, in-flight, pending and dead counts, pause state and runs per state (all O(1))'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the entries of one Acheron list'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from help" -f -a "peek" -d 'The next runs a scheduler would claim, with their names'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from help" -f -a "purge" -d 'Empty a list: queued, leased and pending runs are cancelled; dead letters are deleted with their data'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from help" -f -a "retry" -d 'Send dead letters back to the queue (attempts reset)'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from help" -f -a "pause" -d 'Stop schedulers from claiming (submissions still queue up)'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from help" -f -a "resume" -d 'Let schedulers claim again'
complete -c tartarus -n "__fish_tartarus_using_subcommand queue; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and not __fish_seen_subcommand_from show help" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and not __fish_seen_subcommand_from show help" -l environment -d 'Deployment environment: development or production [env: TARTARUS_ENV]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and not __fish_seen_subcommand_from show help" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and not __fish_seen_subcommand_from show help" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and not __fish_seen_subcommand_from show help" -l queue-key -d 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and not __fish_seen_subcommand_from show help" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and not __fish_seen_subcommand_from show help" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and not __fish_seen_subcommand_from show help" -l redis-timeout -d 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and not __fish_seen_subcommand_from show help" -l redis-connect-timeout -d 'How long connecting to Redis may take' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and not __fish_seen_subcommand_from show help" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and not __fish_seen_subcommand_from show help" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and not __fish_seen_subcommand_from show help" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and not __fish_seen_subcommand_from show help" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and not __fish_seen_subcommand_from show help" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and not __fish_seen_subcommand_from show help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and not __fish_seen_subcommand_from show help" -s V -l version -d 'Print version'
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and not __fish_seen_subcommand_from show help" -f -a "show" -d 'Print every setting, its value and its source (flag, env, url, default); the password is redacted'
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and not __fish_seen_subcommand_from show help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and __fish_seen_subcommand_from show" -l environment -d 'Deployment environment: development or production [env: TARTARUS_ENV]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and __fish_seen_subcommand_from show" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and __fish_seen_subcommand_from show" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and __fish_seen_subcommand_from show" -l queue-key -d 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and __fish_seen_subcommand_from show" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and __fish_seen_subcommand_from show" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and __fish_seen_subcommand_from show" -l redis-timeout -d 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and __fish_seen_subcommand_from show" -l redis-connect-timeout -d 'How long connecting to Redis may take' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and __fish_seen_subcommand_from show" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and __fish_seen_subcommand_from show" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "show" -d 'Print every setting, its value and its source (flag, env, url, default); the password is redacted'
complete -c tartarus -n "__fish_tartarus_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tartarus -n "__fish_tartarus_using_subcommand bench" -l runs -d 'Runs to submit' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand bench" -l claim-batch -d 'Runs per claim' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand bench" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand bench" -l environment -d 'Deployment environment: development or production [env: TARTARUS_ENV]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand bench" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand bench" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand bench" -l queue-key -d 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand bench" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand bench" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand bench" -l redis-timeout -d 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand bench" -l redis-connect-timeout -d 'How long connecting to Redis may take' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand bench" -l no-raw -d 'Skip running redis-benchmark for the raw server rate'
complete -c tartarus -n "__fish_tartarus_using_subcommand bench" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand bench" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand bench" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand bench" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand bench" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand bench" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand bench" -s V -l version -d 'Print version'
complete -c tartarus -n "__fish_tartarus_using_subcommand completions" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand completions" -l environment -d 'Deployment environment: development or production [env: TARTARUS_ENV]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand completions" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand completions" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand completions" -l queue-key -d 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand completions" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand completions" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand completions" -l redis-timeout -d 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand completions" -l redis-connect-timeout -d 'How long connecting to Redis may take' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand completions" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand completions" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand completions" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand completions" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand completions" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand completions" -s V -l version -d 'Print version'
complete -c tartarus -n "__fish_tartarus_using_subcommand man" -l dir -d 'Folder to write `tartarus*.1` into' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand man" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
wide\t'Columns with more detail'
json\t'JSON, for scripts'
yaml\t'YAML'"
complete -c tartarus -n "__fish_tartarus_using_subcommand man" -l environment -d 'Deployment environment: development or production [env: TARTARUS_ENV]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand man" -l redis-addr -d 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand man" -l redis-db -d 'Redis database number [env: REDIS_DB]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand man" -l queue-key -d 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand man" -l redis-username -d 'ACL user name [env: REDIS_USERNAME]' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand man" -l redis-password-file -d 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]' -r -F
complete -c tartarus -n "__fish_tartarus_using_subcommand man" -l redis-timeout -d 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand man" -l redis-connect-timeout -d 'How long connecting to Redis may take' -r
complete -c tartarus -n "__fish_tartarus_using_subcommand man" -s y -l yes -d 'Answer yes to confirmations of destructive steps (required without a terminal)'
complete -c tartarus -n "__fish_tartarus_using_subcommand man" -s q -l quiet -d 'Print only results and errors'
complete -c tartarus -n "__fish_tartarus_using_subcommand man" -s v -l verbose -d 'More log output (-v info, -vv debug)'
complete -c tartarus -n "__fish_tartarus_using_subcommand man" -l tls -d 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
complete -c tartarus -n "__fish_tartarus_using_subcommand man" -l in-memory -d 'Use the in-memory store (development only; state is lost on exit)'
complete -c tartarus -n "__fish_tartarus_using_subcommand man" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tartarus -n "__fish_tartarus_using_subcommand man" -s V -l version -d 'Print version'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and not __fish_seen_subcommand_from sandbox queue config bench completions man help" -f -a "sandbox" -d 'Submit, list, inspect and cancel sandbox runs (Hades)'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and not __fish_seen_subcommand_from sandbox queue config bench completions man help" -f -a "queue" -d 'Inspect and repair the Acheron queue'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and not __fish_seen_subcommand_from sandbox queue config bench completions man help" -f -a "config" -d 'Show the effective configuration'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and not __fish_seen_subcommand_from sandbox queue config bench completions man help" -f -a "bench" -d 'Measure throughput against the configured store'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and not __fish_seen_subcommand_from sandbox queue config bench completions man help" -f -a "completions" -d 'Print shell completions (bash, zsh, fish, powershell, elvish)'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and not __fish_seen_subcommand_from sandbox queue config bench completions man help" -f -a "man" -d 'Write man pages for every command into a folder'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and not __fish_seen_subcommand_from sandbox queue config bench completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and __fish_seen_subcommand_from sandbox" -f -a "submit" -d 'Submit sandboxes from a YAML file (many documents = bulk, pipelined) or from flags'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and __fish_seen_subcommand_from sandbox" -f -a "list" -d 'List runs, oldest first, with filters and paging'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and __fish_seen_subcommand_from sandbox" -f -a "get" -d 'Show one run: spec, verdict, placement, outcome and its recent events'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and __fish_seen_subcommand_from sandbox" -f -a "cancel" -d 'Cancel runs in any unfinished state (frees their node capacity)'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and __fish_seen_subcommand_from queue" -f -a "stats" -d 'Depth, in-flight, pending and dead counts, pause state and runs per state (all O(1))'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and __fish_seen_subcommand_from queue" -f -a "list" -d 'List the entries of one Acheron list'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and __fish_seen_subcommand_from queue" -f -a "peek" -d 'The next runs a scheduler would claim, with their names'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and __fish_seen_subcommand_from queue" -f -a "purge" -d 'Empty a list: queued, leased and pending runs are cancelled; dead letters are deleted with their data'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and __fish_seen_subcommand_from queue" -f -a "retry" -d 'Send dead letters back to the queue (attempts reset)'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and __fish_seen_subcommand_from queue" -f -a "pause" -d 'Stop schedulers from claiming (submissions still queue up)'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and __fish_seen_subcommand_from queue" -f -a "resume" -d 'Let schedulers claim again'
complete -c tartarus -n "__fish_tartarus_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "show" -d 'Print every setting, its value and its source (flag, env, url, default); the password is redacted'
