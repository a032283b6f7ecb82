function __lineage_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __lineage_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __lineage_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __lineage_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __lineage_parse_tokens -S
    set -l unparsed_tokens (__lineage_tokens -pc)
    switch $unparsed_tokens[1]
    case 'lineage'
        __lineage_parse_subcommand 0 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'status'
            __lineage_parse_subcommand 1 'c/checkpoint=' 'wait=' 'format=' 'fail-if-incomplete' 'max-examples=' 'kind=' 'retry-fields' 'max-array-size=' 'groups=' 'files=' 'no-progress' 'version' 'h/help'
        case 'show'
            __lineage_parse_subcommand 2 'c/checkpoint=' 'wait=' 'path=' 'format=' 'kind=' 'groups=' 'no-progress' 'version' 'h/help'
        case 'edges'
            __lineage_parse_subcommand 1 'c/checkpoint=' 'wait=' 'parent=' 'child=' 'format=' 'no-progress' 'version' 'h/help'
        case 'types'
            __lineage_parse_subcommand 1 'c/checkpoint=' 'wait=' 'type=' 'completed' 'pending' 'summary' 'format=' 'no-progress' 'version' 'h/help'
        case 'verify'
            __lineage_parse_subcommand -r 1 'c/checkpoint=' 'wait=' 'format=' 'junit=' 'q/quiet' 'max-examples=' 'kind=' 'no-progress' 'version' 'h/help'
        case 'export'
            __lineage_parse_subcommand 1 'c/checkpoint=' 'wait=' 'format=' 'kind=' 'around=' 'depth=' 'up=' 'down=' 'max-nodes=' 'by-stage' 'no-progress' 'version' 'h/help'
        case 'export-dot'
            __lineage_parse_subcommand 1 'c/checkpoint=' 'wait=' 'around=' 'depth=' 'up=' 'down=' 'max-nodes=' 'by-stage' 'no-progress' 'version' 'h/help'
        case 'ancestors'
            __lineage_parse_subcommand 2 'c/checkpoint=' 'wait=' 'depth=' 'count' 'completed' 'pending' 'format=' 'no-progress' 'version' 'h/help'
        case 'descendants'
            __lineage_parse_subcommand 2 'c/checkpoint=' 'wait=' 'depth=' 'count' 'completed' 'pending' 'format=' 'no-progress' 'version' 'h/help'
        case 'path'
            __lineage_parse_subcommand 3 'c/checkpoint=' 'wait=' 'format=' 'no-progress' 'version' 'h/help'
        case 'stats'
            __lineage_parse_subcommand 1 'c/checkpoint=' 'wait=' 'format=' 'max-examples=' 'no-progress' 'version' 'h/help'
        case 'diff'
            __lineage_parse_subcommand 2 'c/checkpoint=' 'format=' 'max-examples=' 'q/quiet' 'wait=' 'no-progress' 'version' 'h/help'
        case 'udid'
            __lineage_parse_subcommand 1 'no-progress' 'version' 'h/help'
        case 'fixture'
            __lineage_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'four-stage'
                __lineage_parse_subcommand 1 'force' 'no-progress' 'fanout=' 'rooted' 'complete' 'version' 'h/help'
            case 'named'
                __lineage_parse_subcommand 2 'force' 'no-progress' 'version' 'h/help'
            case 'pipeline'
                __lineage_parse_subcommand 1 'force' 'no-progress' 'roots=' 'fanout=' 'fanin=' 'complete=' 'batch-size=' 'version' 'h/help'
            case 'curator'
                __lineage_parse_subcommand 1 'writers=' 'empty=' 'sources=' 'overlap=' 'deleted=' 'positional=' 'random=' 'shards=' 'failed=' 'seed=' 'no-sync' 'no-progress' 'version' 'h/help'
            end
        case 'sources'
            __lineage_parse_subcommand 1 'c/checkpoint=' 'wait=' 'writer=' 'format=' 'kind=' 'no-progress' 'version' 'h/help'
        case 'plan'
            __lineage_parse_subcommand 1 'c/checkpoint=' 'wait=' 'groups=' 'files=' 'format=' 'kind=' 'no-progress' 'version' 'h/help'
        case 'why'
            __lineage_parse_subcommand -r 2 'c/checkpoint=' 'wait=' 'lance=' 'dataset-version=' 'fragments=' 'format=' 'no-progress' 'version' 'h/help'
        case 'doctor'
            __lineage_parse_subcommand 1 'c/checkpoint=' 'wait=' 'kind=' 'format=' 'no-progress' 'version' 'h/help'
        case 'watch'
            __lineage_parse_subcommand 1 'c/checkpoint=' 'wait=' 'interval=' 'once' 'until-complete' 'timeout=' 'stall=' 'format=' 'output=' 'kind=' 'groups=' 'files=' 'no-progress' 'version' 'h/help'
        case 'source-id'
            __lineage_parse_subcommand -r 1 'lance=' 'dataset-version=' 'fragments=' 'no-progress' 'version' 'h/help'
        case 'help'
            __lineage_parse_subcommand -r 1 'version'
        end
    end
end

function __lineage_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __lineage_parse_subcommand -S -a positional_count
    argparse -s r -- $argv
    set -l option_specs $argv[2..]
    set -l is_repeating_positional $_flag_r
    set -el _flag_r
    set -a commands $unparsed_tokens[1]
    set positional_index 0
    while true
        set -e unparsed_tokens[1]
        argparse -sn "$commands" $option_specs -- $unparsed_tokens 2> /dev/null
        set unparsed_tokens $argv
        set positional_index (math $positional_index + 1)
        for non_repeating_flag_or_option in $non_repeating_flags_or_options
            if set -ql "_flag_$(string replace -a - _ -- $non_repeating_flag_or_option)"
                set non_repeating_flags_or_options_absent 1
                break
            end
        end
        test (count $unparsed_tokens) -eq 0 -o \( -z "$is_repeating_positional" -a "$positional_index" -gt "$positional_count" \) && break
    end
end

function __lineage_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __lineage_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__lineage_tokens -p)
    if test -z "$(__lineage_tokens -t)"
        set -l index (count (__lineage_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'lineage' -f
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage" version' -l 'version' -d 'Show the version.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_positional "lineage" -eq 1' -fa 'status' -d 'Show how far the run got and what a resume will do: counts, stages, the resume plan.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_positional "lineage" -eq 1' -fa 'show' -d 'Show one task: type, completion, parents and children.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_positional "lineage" -eq 1' -fa 'edges' -d 'List every edge PARENT<TAB>CHILD in key order.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_positional "lineage" -eq 1' -fa 'types' -d 'List every task UDID<TAB>TYPE<TAB>completed|pending, or counts with --summary.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_positional "lineage" -eq 1' -fa 'verify' -d 'Audit checkpoints against every invariant of the format.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_positional "lineage" -eq 1' -fa 'export' -d 'Write the DAG (or the part around one task, or its stages) as DOT, Mermaid or node-link JSON on stdout.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_positional "lineage" -eq 1' -fa 'export-dot' -d 'Write the DAG (or the part around one task) as Graphviz DOT on stdout.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_positional "lineage" -eq 1' -fa 'ancestors' -d 'List every task above one task (parents, their parents, ...) with its distance, type and completion.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_positional "lineage" -eq 1' -fa 'descendants' -d 'List every task below one task (children, their children, ...) with its distance, type and completion.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_positional "lineage" -eq 1' -fa 'path' -d 'Print one shortest chain of edges from one task down to another.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_positional "lineage" -eq 1' -fa 'stats' -d 'Show the shape of the run and of the LMDB file: types, stages, fan-out and fan-in, components, pages.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_positional "lineage" -eq 1' -fa 'diff' -d 'Compare two checkpoints: tasks, edges, types and completion, and whether the DAGs have the same shape.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_positional "lineage" -eq 1' -fa 'udid' -d 'Print the udid of a lineage path (first 32 hex digits of its SHA-256).'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_positional "lineage" -eq 1' -fa 'fixture' -d 'Write checkpoints with the recorder, exactly as the pipeline writes them.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_positional "lineage" -eq 1' -fa 'sources' -d 'List the completed source ids of a NeMo Curator checkpoint, with the writers holding each.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_positional "lineage" -eq 1' -fa 'plan' -d 'Show what a NeMo Curator rerun over given file groups will skip and run.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_positional "lineage" -eq 1' -fa 'why' -d 'Say why a NeMo Curator rerun skips one source or runs it again.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_positional "lineage" -eq 1' -fa 'doctor' -d 'Check a checkpoint before a run resumes on it.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_positional "lineage" -eq 1' -fa 'watch' -d 'Follow a running pipeline\'s checkpoint: progress, rate, ETA range, stalled stages or writers.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_positional "lineage" -eq 1' -fa 'source-id' -d 'Print the NeMo Curator source id of one file group (the paths given) or one Lance fragment set.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_positional "lineage" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage status" c checkpoint' -s 'c' -l 'checkpoint' -d 'The checkpoint file (or a directory holding data.mdb). Default: $LINEAGE_CHECKPOINT.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'mdb\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage status" wait' -l 'wait' -d 'While the pipeline writes the checkpoint, retry the read for a consistent snapshot this long (0: read once). Default: 2.' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_positional "lineage status" -eq 1' -fa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'mdb\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage status" format' -l 'format' -d 'Output format.' -rfka 'text json jsonl'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage status" fail-if-incomplete' -l 'fail-if-incomplete' -d 'Exit 1 when any task is pending (after printing the report).'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage status" examples max-examples' -l 'max-examples' -l 'examples' -d 'Examples per list (resume-plan rows, sources, failed attempts), n >= 0.' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage status" kind' -l 'kind' -d 'Read the checkpoint as this kind instead of detecting it from the path.' -rfka 'dag curator'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage status" retry-fields' -l 'retry-fields' -d 'On a Curator checkpoint: print only the retry helper\'s ARRAY OFFSET MINIMUM TOTAL lines.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage status" max-array-size' -l 'max-array-size' -d 'With --retry-fields: the largest Slurm array, K >= 1.' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage status" groups' -l 'groups' -d 'On a Curator job array: the rerun\'s file groups (JSON Lines of path arrays; - reads stdin), to find those that run again on shards marked completed.' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage status" files' -l 'files' -d 'The same with one path per line, each its own group.' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage status" no-progress' -l 'no-progress' -d 'Never show progress on stderr (it is shown only on a terminal, after about a second).'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage status" version' -l 'version' -d 'Show the version.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage status" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage show" c checkpoint' -s 'c' -l 'checkpoint' -d 'The checkpoint file (or a directory holding data.mdb). Default: $LINEAGE_CHECKPOINT.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'mdb\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage show" wait' -l 'wait' -d 'While the pipeline writes the checkpoint, retry the read for a consistent snapshot this long (0: read once). Default: 2.' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_positional "lineage show" -eq 1' -fa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'mdb\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage show" path' -l 'path' -d 'Look the task up by its lineage path instead, e.g. 0_0_1.' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage show" format' -l 'format' -d 'Output format: json (one document; with -, its answers array) or jsonl (one object per answer and line).' -rfka 'text json jsonl'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage show" kind' -l 'kind' -d 'Read the checkpoint as this kind instead of detecting it from the path.' -rfka 'dag curator'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage show" groups' -l 'groups' -d 'On a Curator checkpoint: JSON Lines of file groups; list those mapping to the id.' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage show" no-progress' -l 'no-progress' -d 'Never show progress on stderr (it is shown only on a terminal, after about a second).'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage show" version' -l 'version' -d 'Show the version.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage show" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage edges" c checkpoint' -s 'c' -l 'checkpoint' -d 'The checkpoint file (or a directory holding data.mdb). Default: $LINEAGE_CHECKPOINT.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'mdb\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage edges" wait' -l 'wait' -d 'While the pipeline writes the checkpoint, retry the read for a consistent snapshot this long (0: read once). Default: 2.' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_positional "lineage edges" -eq 1' -fa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'mdb\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage edges" parent' -l 'parent' -d 'Only the edges from this parent (a udid, or a unique prefix of 4+ hex digits).' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage edges" child' -l 'child' -d 'Only the edges into this child (a udid, or a unique prefix of 4+ hex digits).' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage edges" format' -l 'format' -d 'Output format.' -rfka 'text jsonl json'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage edges" no-progress' -l 'no-progress' -d 'Never show progress on stderr (it is shown only on a terminal, after about a second).'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage edges" version' -l 'version' -d 'Show the version.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage edges" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage types" c checkpoint' -s 'c' -l 'checkpoint' -d 'The checkpoint file (or a directory holding data.mdb). Default: $LINEAGE_CHECKPOINT.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'mdb\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage types" wait' -l 'wait' -d 'While the pipeline writes the checkpoint, retry the read for a consistent snapshot this long (0: read once). Default: 2.' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_positional "lineage types" -eq 1' -fa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'mdb\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage types" type' -l 'type' -d 'Only tasks of this type.' -rfka 'source middle leaf source_leaf'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage types" completed' -l 'completed' -d 'Only completed tasks.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage types" pending' -l 'pending' -d 'Only tasks not completed.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage types" summary' -l 'summary' -d 'Print counts per type and completion instead of one line per task (of the tasks the filters keep).'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage types" format' -l 'format' -d 'Output format.' -rfka 'text jsonl json'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage types" no-progress' -l 'no-progress' -d 'Never show progress on stderr (it is shown only on a terminal, after about a second).'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage types" version' -l 'version' -d 'Show the version.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage types" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_positional "lineage verify" -ge 1' -fa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'mdb\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage verify" c checkpoint' -s 'c' -l 'checkpoint' -d 'A checkpoint to audit, before the path arguments.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'mdb\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage verify" wait' -l 'wait' -d 'While the pipeline writes the checkpoint, retry the read for a consistent snapshot this long (0: read once). Default: 2.' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage verify" format' -l 'format' -d 'Output format on stdout.' -rfka 'text json jsonl junit'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage verify" junit' -l 'junit' -d 'Also write a JUnit XML report to this file (- is stdout, instead of the report).' -rF
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage verify" q quiet' -s 'q' -l 'quiet' -d 'Print nothing on stdout; the exit status tells, and stderr names each checkpoint that is not OK.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage verify" max-examples' -l 'max-examples' -d 'Examples shown per check, 0 or more; 0 shows only the counts (they stay exact).' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage verify" kind' -l 'kind' -d 'Read every checkpoint as this kind instead of detecting it from the path.' -rfka 'dag curator'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage verify" no-progress' -l 'no-progress' -d 'Never show progress on stderr (it is shown only on a terminal, after about a second).'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage verify" version' -l 'version' -d 'Show the version.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage verify" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage export" c checkpoint' -s 'c' -l 'checkpoint' -d 'The checkpoint file (or a directory holding data.mdb). Default: $LINEAGE_CHECKPOINT.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'mdb\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage export" wait' -l 'wait' -d 'While the pipeline writes the checkpoint, retry the read for a consistent snapshot this long (0: read once). Default: 2.' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_positional "lineage export" -eq 1' -fa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'mdb\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage export" format' -l 'format' -d 'Output format (default dot; json on a Curator checkpoint).' -rfka 'dot mermaid json'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage export" kind' -l 'kind' -d 'Read the checkpoint as this kind instead of detecting it from the path.' -rfka 'dag curator'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage export" around' -l 'around' -d 'Only the tasks near this task (--depth both ways, or --up and --down): a udid, or a unique prefix of 4+ hex digits such as a label of the picture.' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage export" depth' -l 'depth' -d 'With --around: how many edges away from the task to go, 0 or more (default 2).' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage export" up' -l 'up' -d 'With --around, instead of --depth: ancestors up to this many edges above the task (default 0).' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage export" down' -l 'down' -d 'With --around, instead of --depth: descendants up to this many edges below the task (default 0).' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage export" max-nodes' -l 'max-nodes' -d 'Refuse to export more tasks than this (at least 1).' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage export" by-stage' -l 'by-stage' -d 'Draw the stages instead of the tasks: one node per (stage, task type) with its task and completed counts, one edge per connected pair with its number of task edges. Any size; reads the file as status does.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage export" no-progress' -l 'no-progress' -d 'Never show progress on stderr (it is shown only on a terminal, after about a second).'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage export" version' -l 'version' -d 'Show the version.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage export" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage export-dot" c checkpoint' -s 'c' -l 'checkpoint' -d 'The checkpoint file (or a directory holding data.mdb). Default: $LINEAGE_CHECKPOINT.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'mdb\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage export-dot" wait' -l 'wait' -d 'While the pipeline writes the checkpoint, retry the read for a consistent snapshot this long (0: read once). Default: 2.' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_positional "lineage export-dot" -eq 1' -fa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'mdb\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage export-dot" around' -l 'around' -d 'Only the tasks near this task (--depth both ways, or --up and --down): a udid, or a unique prefix of 4+ hex digits such as a label of the picture.' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage export-dot" depth' -l 'depth' -d 'With --around: how many edges away from the task to go, 0 or more (default 2).' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage export-dot" up' -l 'up' -d 'With --around, instead of --depth: ancestors up to this many edges above the task (default 0).' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage export-dot" down' -l 'down' -d 'With --around, instead of --depth: descendants up to this many edges below the task (default 0).' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage export-dot" max-nodes' -l 'max-nodes' -d 'Refuse to export more tasks than this (at least 1).' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage export-dot" by-stage' -l 'by-stage' -d 'Draw the stages instead of the tasks: one node per (stage, task type) with its task and completed counts, one edge per connected pair with its number of task edges. Any size; reads the file as status does.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage export-dot" no-progress' -l 'no-progress' -d 'Never show progress on stderr (it is shown only on a terminal, after about a second).'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage export-dot" version' -l 'version' -d 'Show the version.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage export-dot" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage ancestors" c checkpoint' -s 'c' -l 'checkpoint' -d 'The checkpoint file (or a directory holding data.mdb). Default: $LINEAGE_CHECKPOINT.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'mdb\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage ancestors" wait' -l 'wait' -d 'While the pipeline writes the checkpoint, retry the read for a consistent snapshot this long (0: read once). Default: 2.' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_positional "lineage ancestors" -eq 1' -fa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'mdb\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage ancestors" depth' -l 'depth' -d 'Only the tasks at most this many edges away, 0 or more (default: all).' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage ancestors" count' -l 'count' -d 'Print only how many tasks there are (after --depth and the filters).'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage ancestors" completed' -l 'completed' -d 'Only completed tasks.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage ancestors" pending' -l 'pending' -d 'Only tasks not completed.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage ancestors" format' -l 'format' -d 'Output format: jsonl (one object per task and line) or json (one document).' -rfka 'text jsonl json'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage ancestors" no-progress' -l 'no-progress' -d 'Never show progress on stderr (it is shown only on a terminal, after about a second).'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage ancestors" version' -l 'version' -d 'Show the version.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage ancestors" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage descendants" c checkpoint' -s 'c' -l 'checkpoint' -d 'The checkpoint file (or a directory holding data.mdb). Default: $LINEAGE_CHECKPOINT.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'mdb\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage descendants" wait' -l 'wait' -d 'While the pipeline writes the checkpoint, retry the read for a consistent snapshot this long (0: read once). Default: 2.' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_positional "lineage descendants" -eq 1' -fa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'mdb\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage descendants" depth' -l 'depth' -d 'Only the tasks at most this many edges away, 0 or more (default: all).' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage descendants" count' -l 'count' -d 'Print only how many tasks there are (after --depth and the filters).'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage descendants" completed' -l 'completed' -d 'Only completed tasks.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage descendants" pending' -l 'pending' -d 'Only tasks not completed.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage descendants" format' -l 'format' -d 'Output format: jsonl (one object per task and line) or json (one document).' -rfka 'text jsonl json'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage descendants" no-progress' -l 'no-progress' -d 'Never show progress on stderr (it is shown only on a terminal, after about a second).'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage descendants" version' -l 'version' -d 'Show the version.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage descendants" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage path" c checkpoint' -s 'c' -l 'checkpoint' -d 'The checkpoint file (or a directory holding data.mdb). Default: $LINEAGE_CHECKPOINT.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'mdb\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage path" wait' -l 'wait' -d 'While the pipeline writes the checkpoint, retry the read for a consistent snapshot this long (0: read once). Default: 2.' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_positional "lineage path" -eq 1' -fa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'mdb\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage path" format' -l 'format' -d 'Output format: jsonl (one object per task and line, with its position) or json (one document).' -rfka 'text jsonl json'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage path" no-progress' -l 'no-progress' -d 'Never show progress on stderr (it is shown only on a terminal, after about a second).'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage path" version' -l 'version' -d 'Show the version.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage path" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage stats" c checkpoint' -s 'c' -l 'checkpoint' -d 'The checkpoint file (or a directory holding data.mdb). Default: $LINEAGE_CHECKPOINT.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'mdb\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage stats" wait' -l 'wait' -d 'While the pipeline writes the checkpoint, retry the read for a consistent snapshot this long (0: read once). Default: 2.' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_positional "lineage stats" -eq 1' -fa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'mdb\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage stats" format' -l 'format' -d 'Output format.' -rfka 'text json jsonl'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage stats" max-examples top' -l 'max-examples' -l 'top' -d 'Tasks listed by largest fan-out and by largest fan-in, n >= 0.' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage stats" no-progress' -l 'no-progress' -d 'Never show progress on stderr (it is shown only on a terminal, after about a second).'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage stats" version' -l 'version' -d 'Show the version.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage stats" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage diff" c checkpoint' -s 'c' -l 'checkpoint' -d 'The first checkpoint, as an alternative to the first argument.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'mdb\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_positional "lineage diff" -eq 1' -fa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'mdb\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_positional "lineage diff" -eq 2' -fa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'mdb\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage diff" format' -l 'format' -d 'Output format.' -rfka 'text json jsonl'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage diff" max-examples' -l 'max-examples' -d 'Examples listed per kind of difference, n >= 0.' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage diff" q quiet' -s 'q' -l 'quiet' -d 'Print nothing; the exit status tells (0 identical, 1 different).'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage diff" wait' -l 'wait' -d 'While the pipeline writes the checkpoint, retry the read for a consistent snapshot this long (0: read once). Default: 2.' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage diff" no-progress' -l 'no-progress' -d 'Never show progress on stderr (it is shown only on a terminal, after about a second).'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage diff" version' -l 'version' -d 'Show the version.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage diff" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage udid" no-progress' -l 'no-progress' -d 'Never show progress on stderr (it is shown only on a terminal, after about a second).'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage udid" version' -l 'version' -d 'Show the version.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage udid" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage fixture" version' -l 'version' -d 'Show the version.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage fixture" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_positional "lineage fixture" -eq 1' -fa 'four-stage' -d 'FanOut(N) -> Passthrough -> FanIn -> Passthrough, as fixtures/four_stage*.mdb.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_positional "lineage fixture" -eq 1' -fa 'named' -d 'Any of the pipeline\'s fixtures by name (four_stage, partial_completion, retries_and_joins, ...).'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_positional "lineage fixture" -eq 1' -fa 'pipeline' -d 'A big rooted pipeline DAG: roots -> FanOut -> Passthrough -> FanIn -> Passthrough.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_positional "lineage fixture" -eq 1' -fa 'curator' -d 'A NeMo Curator checkpoint directory: writer files, Slurm manifests, failed-task markers.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage fixture four-stage" force' -l 'force' -d 'Replace the file if it exists.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage fixture four-stage" no-progress' -l 'no-progress' -d 'Never show progress on stderr (it is shown only on a terminal, after about a second).'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage fixture four-stage" fanout' -l 'fanout' -d 'Tasks the FanOut stage emits.' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage fixture four-stage" rooted' -l 'rooted' -d 'Give the root the lineage path 0, as a real pipeline run does (four_stage_rooted).'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage fixture four-stage" complete' -l 'complete' -d 'Mark the final leaf completed and propagate upwards (four_stage_completed).'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage fixture four-stage" version' -l 'version' -d 'Show the version.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage fixture four-stage" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage fixture named" force' -l 'force' -d 'Replace the file if it exists.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage fixture named" no-progress' -l 'no-progress' -d 'Never show progress on stderr (it is shown only on a terminal, after about a second).'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage fixture named" version' -l 'version' -d 'Show the version.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage fixture named" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage fixture pipeline" force' -l 'force' -d 'Replace the file if it exists.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage fixture pipeline" no-progress' -l 'no-progress' -d 'Never show progress on stderr (it is shown only on a terminal, after about a second).'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage fixture pipeline" roots' -l 'roots' -d 'Root tasks.' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage fixture pipeline" fanout' -l 'fanout' -d 'Children per root in the FanOut stage.' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage fixture pipeline" fanin' -l 'fanin' -d 'Parents per FanIn group.' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage fixture pipeline" complete' -l 'complete' -d 'Fraction of leaves marked completed (0...1).' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage fixture pipeline" batch-size' -l 'batch-size' -d 'Emissions per write transaction (1 = one per emission, as the pipeline).' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage fixture pipeline" version' -l 'version' -d 'Show the version.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage fixture pipeline" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage fixture curator" writers' -l 'writers' -d 'Writer files, including the --empty ones.' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage fixture curator" empty' -l 'empty' -d 'Writers (the last ones) that complete nothing.' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage fixture curator" sources' -l 'sources' -d 'Sources each other writer completes.' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage fixture curator" overlap' -l 'overlap' -d 'Sources each writer after the first also completes that the writer before it completed.' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage fixture curator" deleted' -l 'deleted' -d 'Sources each writer completes and then deletes again (a late update).' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage fixture curator" positional' -l 'positional' -d 'Of each writer\'s sources, how many have positional ids (0, 1, ...).' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage fixture curator" random' -l 'random' -d 'Of each writer\'s sources, how many have random ids (r + 32 hex digits).' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage fixture curator" shards' -l 'shards' -d 'Slurm shards (0: not a job array).' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage fixture curator" failed' -l 'failed' -d 'Shards that failed: a failed-task marker and no completion manifest.' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage fixture curator" seed' -l 'seed' -d 'Seeds the source paths and the failed shards.' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage fixture curator" no-sync' -l 'no-sync' -d 'Do not flush every commit (the pipeline does); the same bytes, written much faster.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage fixture curator" no-progress' -l 'no-progress' -d 'Never show progress on stderr (it is shown only on a terminal, after about a second).'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage fixture curator" version' -l 'version' -d 'Show the version.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage fixture curator" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage sources" c checkpoint' -s 'c' -l 'checkpoint' -d 'The checkpoint file (or a directory holding data.mdb). Default: $LINEAGE_CHECKPOINT.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'mdb\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage sources" wait' -l 'wait' -d 'While the pipeline writes the checkpoint, retry the read for a consistent snapshot this long (0: read once). Default: 2.' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_positional "lineage sources" -eq 1' -fa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'mdb\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage sources" writer' -l 'writer' -d 'Only the ids this writer file holds (its file name, .mdb optional, or a unique prefix).' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage sources" format' -l 'format' -d 'Output format: text, jsonl (one object per line) or json (one array).' -rfka 'text jsonl json'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage sources" kind' -l 'kind' -d 'Read the checkpoint as this kind instead of detecting it from the path.' -rfka 'dag curator'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage sources" no-progress' -l 'no-progress' -d 'Never show progress on stderr (it is shown only on a terminal, after about a second).'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage sources" version' -l 'version' -d 'Show the version.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage sources" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage plan" c checkpoint' -s 'c' -l 'checkpoint' -d 'The checkpoint file (or a directory holding data.mdb). Default: $LINEAGE_CHECKPOINT.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'mdb\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage plan" wait' -l 'wait' -d 'While the pipeline writes the checkpoint, retry the read for a consistent snapshot this long (0: read once). Default: 2.' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_positional "lineage plan" -eq 1' -fa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'mdb\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage plan" groups' -l 'groups' -d 'JSON Lines, one JSON array of paths (one file group) per line; - reads stdin.' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage plan" files' -l 'files' -d 'One path per line, each its own group; - reads stdin.' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage plan" format' -l 'format' -d 'Output format: text, jsonl (one object per group) or json (one document).' -rfka 'text jsonl json'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage plan" kind' -l 'kind' -d 'Read the checkpoint as this kind instead of detecting it from the path.' -rfka 'dag curator'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage plan" no-progress' -l 'no-progress' -d 'Never show progress on stderr (it is shown only on a terminal, after about a second).'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage plan" version' -l 'version' -d 'Show the version.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage plan" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage why" c checkpoint' -s 'c' -l 'checkpoint' -d 'The checkpoint file (or a directory holding data.mdb). Default: $LINEAGE_CHECKPOINT.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'mdb\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage why" wait' -l 'wait' -d 'While the pipeline writes the checkpoint, retry the read for a consistent snapshot this long (0: read once). Default: 2.' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_positional "lineage why" -eq 1' -fa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'mdb\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage why" lance' -l 'lance' -d 'A Lance dataset\'s path, as the pipeline was given it (with --dataset-version and --fragments).' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage why" dataset-version' -l 'dataset-version' -d 'With --lance: the dataset version read.' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage why" fragments' -l 'fragments' -d 'With --lance: the fragment ids, comma-separated, in any order.' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage why" format' -l 'format' -d 'Output format: json (one document) or jsonl (the same on one line).' -rfka 'text json jsonl'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage why" no-progress' -l 'no-progress' -d 'Never show progress on stderr (it is shown only on a terminal, after about a second).'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage why" version' -l 'version' -d 'Show the version.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage why" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage doctor" c checkpoint' -s 'c' -l 'checkpoint' -d 'The checkpoint file (or a directory holding data.mdb). Default: $LINEAGE_CHECKPOINT.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'mdb\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage doctor" wait' -l 'wait' -d 'While the pipeline writes the checkpoint, retry the read for a consistent snapshot this long (0: read once). Default: 2.' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_positional "lineage doctor" -eq 1' -fa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'mdb\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage doctor" kind' -l 'kind' -d 'Read the checkpoint as this kind instead of detecting it from the path.' -rfka 'dag curator'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage doctor" format' -l 'format' -d 'Output format: json (one document) or jsonl (one object per check).' -rfka 'text json jsonl'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage doctor" no-progress' -l 'no-progress' -d 'Never show progress on stderr (it is shown only on a terminal, after about a second).'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage doctor" version' -l 'version' -d 'Show the version.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage doctor" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage watch" c checkpoint' -s 'c' -l 'checkpoint' -d 'The checkpoint file (or a directory holding data.mdb). Default: $LINEAGE_CHECKPOINT.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'mdb\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage watch" wait' -l 'wait' -d 'While the pipeline writes the checkpoint, retry the read for a consistent snapshot this long (0: read once). Default: 2.' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_positional "lineage watch" -eq 1' -fa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'mdb\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage watch" interval' -l 'interval' -d 'Seconds between snapshots; fractions allowed.' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage watch" once' -l 'once' -d 'Take one snapshot, print it and exit.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage watch" until-complete' -l 'until-complete' -d 'Exit 0 when the checkpoint says the run is complete.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage watch" timeout' -l 'timeout' -d 'With --until-complete: exit 1 after this many seconds.' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage watch" stall' -l 'stall' -d 'Minutes without change before a stage or writer file is stalled, or the checkpoint idle.' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage watch" format' -l 'format' -d 'Output format (default: text on a terminal, jsonl otherwise).' -rfka 'text jsonl json prom'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage watch" output' -l 'output' -d 'With --format prom: the file to write each snapshot to (replaced atomically).' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage watch" kind' -l 'kind' -d 'Read the checkpoint as this kind instead of detecting it from the path.' -rfka 'dag curator'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage watch" groups' -l 'groups' -d 'On a Curator checkpoint: the rerun\'s file groups (JSON Lines of path arrays; - reads stdin), for the ETA.' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage watch" files' -l 'files' -d 'The same with one path per line, each its own group.' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage watch" no-progress' -l 'no-progress' -d 'Never show progress on stderr (it is shown only on a terminal, after about a second).'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage watch" version' -l 'version' -d 'Show the version.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage watch" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage source-id" lance' -l 'lance' -d 'A Lance dataset\'s path, as the pipeline was given it (with --dataset-version and --fragments).' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage source-id" dataset-version' -l 'dataset-version' -d 'With --lance: the dataset version read.' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage source-id" fragments' -l 'fragments' -d 'With --lance: the fragment ids, comma-separated, in any order.' -rfka ''
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage source-id" no-progress' -l 'no-progress' -d 'Never show progress on stderr (it is shown only on a terminal, after about a second).'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage source-id" version' -l 'version' -d 'Show the version.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage source-id" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'lineage' -n '__lineage_should_offer_completions_for_flags_or_options "lineage help" version' -l 'version' -d 'Show the version.'
