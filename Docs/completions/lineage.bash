#!/bin/bash

__lineage_cursor_index_in_current_word() {
    local remaining="${COMP_LINE}"

    local word
    for word in "${COMP_WORDS[@]::COMP_CWORD}"; do
        remaining="${remaining##*([[:space:]])"${word}"*([[:space:]])}"
    done

    local -ir index="$((COMP_POINT - ${#COMP_LINE} + ${#remaining}))"
    if [[ "${index}" -le 0 ]]; then
        printf 0
    else
        printf %s "${index}"
    fi
}

# positional arguments:
#
# - 1: the current (sub)command's count of positional arguments
#
# required variables:
#
# - repeating_flags: the repeating flags that the current (sub)command can accept
# - non_repeating_flags: the non-repeating flags that the current (sub)command can accept
# - repeating_options: the repeating options that the current (sub)command can accept
# - non_repeating_options: the non-repeating options that the current (sub)command can accept
# - positional_number: value ignored
# - unparsed_words: unparsed words from the current command line
#
# modified variables:
#
# - non_repeating_flags: remove flags for this (sub)command that are already on the command line
# - non_repeating_options: remove options for this (sub)command that are already on the command line
# - positional_number: set to the current positional number
# - unparsed_words: remove all flags, options, and option values for this (sub)command
__lineage_offer_flags_options() {
    local -ir positional_count="${1}"
    positional_number=0

    local was_flag_option_terminator_seen=false
    local is_parsing_option_value=false

    local -ar unparsed_word_indices=("${!unparsed_words[@]}")
    local -i word_index
    for word_index in "${unparsed_word_indices[@]}"; do
        if "${is_parsing_option_value}"; then
            # This word is an option value:
            # Reset marker for next word iff not currently the last word
            [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]] && is_parsing_option_value=false
            unset "unparsed_words[${word_index}]"
            # Do not process this word as a flag or an option
            continue
        fi

        local word="${unparsed_words["${word_index}"]}"
        if ! "${was_flag_option_terminator_seen}"; then
            case "${word}" in
            --)
                unset "unparsed_words[${word_index}]"
                # by itself -- is a flag/option terminator, but if it is the last word, it is the start of a completion
                if [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]]; then
                    was_flag_option_terminator_seen=true
                fi
                continue
                ;;
            -*)
                # ${word} is a flag or an option
                # If ${word} is an option, mark that the next word to be parsed is an option value
                local option
                for option in "${repeating_options[@]}" "${non_repeating_options[@]}"; do
                    [[ "${word}" = "${option}" ]] && is_parsing_option_value=true && break
                done

                # Remove ${word} from ${non_repeating_flags} or ${non_repeating_options} so it isn't offered again
                local not_found=true
                local -i index
                for index in "${!non_repeating_flags[@]}"; do
                    if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                        unset "non_repeating_flags[${index}]"
                        non_repeating_flags=("${non_repeating_flags[@]}")
                        not_found=false
                        break
                    fi
                done
                if "${not_found}"; then
                    for index in "${!non_repeating_flags[@]}"; do
                        if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                            unset "non_repeating_flags[${index}]"
                            non_repeating_flags=("${non_repeating_flags[@]}")
                            break
                        fi
                    done
                fi
                unset "unparsed_words[${word_index}]"
                continue
                ;;
            esac
        fi

        # ${word} is neither a flag, nor an option, nor an option value
        if [[ "${positional_number}" -lt "${positional_count}" || "${positional_count}" -lt 0 ]]; then
            # ${word} is a positional
            ((positional_number++))
            unset "unparsed_words[${word_index}]"
        else
            if [[ -z "${word}" ]]; then
                # Could be completing a flag, option, or subcommand
                positional_number=-1
            else
                # ${word} is a subcommand or invalid, so stop processing this (sub)command
                positional_number=-2
            fi
            break
        fi
    done

    unparsed_words=("${unparsed_words[@]}")

    if\
        ! "${was_flag_option_terminator_seen}"\
        && ! "${is_parsing_option_value}"\
        && [[ ("${cur}" = -* && "${positional_number}" -ge 0) || "${positional_number}" -eq -1 ]]
    then
        COMPREPLY+=($(compgen -W "${repeating_flags[*]} ${non_repeating_flags[*]} ${repeating_options[*]} ${non_repeating_options[*]}" -- "${cur}"))
    fi
}

__lineage_add_completions() {
    local completion
    while IFS='' read -r completion; do
        COMPREPLY+=("${completion}")
    done < <(IFS=$'\n' compgen "${@}" -- "${cur}")
}

__lineage_custom_complete() {
    if [[ -n "${cur}" || -z ${COMP_WORDS[${COMP_CWORD}]} || "${COMP_LINE:${COMP_POINT}:1}" != ' ' ]]; then
        local -ar words=("${COMP_WORDS[@]}")
    else
        local -ar words=("${COMP_WORDS[@]::${COMP_CWORD}}" '' "${COMP_WORDS[@]:${COMP_CWORD}}")
    fi

    "${COMP_WORDS[0]}" "${@}" "${words[@]}"
}

_lineage() {
    local state
    state="$(shopt -p;shopt -po)"
    trap "${state//$'\n'/;}" RETURN
    shopt -s extglob
    set +o history +o posix

    local -xr SAP_SHELL=bash
    local -x SAP_SHELL_VERSION
    SAP_SHELL_VERSION="$(IFS='.';printf %s "${BASH_VERSINFO[*]}")"
    local -r SAP_SHELL_VERSION

    local -r cur="${2}"
    local -r prev="${3}"

    local -i positional_number
    local -a unparsed_words=("${COMP_WORDS[@]:1:${COMP_CWORD}}")

    local -a repeating_flags=()
    local -a non_repeating_flags=(--version -h --help)
    local -a repeating_options=()
    local -a non_repeating_options=()
    __lineage_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    status|show|edges|types|verify|export|export-dot|ancestors|descendants|path|stats|diff|udid|fixture|sources|plan|why|doctor|watch|source-id|help)
        # Offer subcommand argument completions
        "_lineage_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'status show edges types verify export export-dot ancestors descendants path stats diff udid fixture sources plan why doctor watch source-id help' -- "${cur}"))
        ;;
    esac
}

_lineage_status() {
    repeating_flags=()
    non_repeating_flags=(--fail-if-incomplete --retry-fields --no-progress --version -h --help)
    repeating_options=()
    non_repeating_options=(-c --checkpoint --wait --format --max-examples --examples --kind --max-array-size --groups --files)
    __lineage_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '-c'|'--checkpoint')
        __lineage_add_completions -o plusdirs -fX '!*.@(mdb)'
        return
        ;;
    '--wait')
        return
        ;;
    '--format')
        __lineage_add_completions -W 'text'$'\n''json'$'\n''jsonl'
        return
        ;;
    '--max-examples'|'--examples')
        return
        ;;
    '--kind')
        __lineage_add_completions -W 'dag'$'\n''curator'
        return
        ;;
    '--max-array-size')
        return
        ;;
    '--groups')
        return
        ;;
    '--files')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __lineage_add_completions -o plusdirs -fX '!*.@(mdb)'
        return
        ;;
    esac
}

_lineage_show() {
    repeating_flags=()
    non_repeating_flags=(--no-progress --version -h --help)
    repeating_options=()
    non_repeating_options=(-c --checkpoint --wait --path --format --kind --groups)
    __lineage_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '-c'|'--checkpoint')
        __lineage_add_completions -o plusdirs -fX '!*.@(mdb)'
        return
        ;;
    '--wait')
        return
        ;;
    '--path')
        return
        ;;
    '--format')
        __lineage_add_completions -W 'text'$'\n''json'$'\n''jsonl'
        return
        ;;
    '--kind')
        __lineage_add_completions -W 'dag'$'\n''curator'
        return
        ;;
    '--groups')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __lineage_add_completions -o plusdirs -fX '!*.@(mdb)'
        return
        ;;
    esac
}

_lineage_edges() {
    repeating_flags=()
    non_repeating_flags=(--no-progress --version -h --help)
    repeating_options=()
    non_repeating_options=(-c --checkpoint --wait --parent --child --format)
    __lineage_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '-c'|'--checkpoint')
        __lineage_add_completions -o plusdirs -fX '!*.@(mdb)'
        return
        ;;
    '--wait')
        return
        ;;
    '--parent')
        return
        ;;
    '--child')
        return
        ;;
    '--format')
        __lineage_add_completions -W 'text'$'\n''jsonl'$'\n''json'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __lineage_add_completions -o plusdirs -fX '!*.@(mdb)'
        return
        ;;
    esac
}

_lineage_types() {
    repeating_flags=()
    non_repeating_flags=(--completed --pending --summary --no-progress --version -h --help)
    repeating_options=()
    non_repeating_options=(-c --checkpoint --wait --type --format)
    __lineage_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '-c'|'--checkpoint')
        __lineage_add_completions -o plusdirs -fX '!*.@(mdb)'
        return
        ;;
    '--wait')
        return
        ;;
    '--type')
        __lineage_add_completions -W 'source'$'\n''middle'$'\n''leaf'$'\n''source_leaf'
        return
        ;;
    '--format')
        __lineage_add_completions -W 'text'$'\n''jsonl'$'\n''json'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __lineage_add_completions -o plusdirs -fX '!*.@(mdb)'
        return
        ;;
    esac
}

_lineage_verify() {
    repeating_flags=()
    non_repeating_flags=(-q --quiet --no-progress --version -h --help)
    repeating_options=()
    non_repeating_options=(-c --checkpoint --wait --format --junit --max-examples --kind)
    __lineage_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '-c'|'--checkpoint')
        __lineage_add_completions -o plusdirs -fX '!*.@(mdb)'
        return
        ;;
    '--wait')
        return
        ;;
    '--format')
        __lineage_add_completions -W 'text'$'\n''json'$'\n''jsonl'$'\n''junit'
        return
        ;;
    '--junit')
        __lineage_add_completions -f
        return
        ;;
    '--max-examples')
        return
        ;;
    '--kind')
        __lineage_add_completions -W 'dag'$'\n''curator'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    *)
        __lineage_add_completions -o plusdirs -fX '!*.@(mdb)'
        return
        ;;
    esac
}

_lineage_export() {
    repeating_flags=()
    non_repeating_flags=(--by-stage --no-progress --version -h --help)
    repeating_options=()
    non_repeating_options=(-c --checkpoint --wait --format --kind --around --depth --up --down --max-nodes)
    __lineage_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '-c'|'--checkpoint')
        __lineage_add_completions -o plusdirs -fX '!*.@(mdb)'
        return
        ;;
    '--wait')
        return
        ;;
    '--format')
        __lineage_add_completions -W 'dot'$'\n''mermaid'$'\n''json'
        return
        ;;
    '--kind')
        __lineage_add_completions -W 'dag'$'\n''curator'
        return
        ;;
    '--around')
        return
        ;;
    '--depth')
        return
        ;;
    '--up')
        return
        ;;
    '--down')
        return
        ;;
    '--max-nodes')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __lineage_add_completions -o plusdirs -fX '!*.@(mdb)'
        return
        ;;
    esac
}

_lineage_export-dot() {
    repeating_flags=()
    non_repeating_flags=(--by-stage --no-progress --version -h --help)
    repeating_options=()
    non_repeating_options=(-c --checkpoint --wait --around --depth --up --down --max-nodes)
    __lineage_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '-c'|'--checkpoint')
        __lineage_add_completions -o plusdirs -fX '!*.@(mdb)'
        return
        ;;
    '--wait')
        return
        ;;
    '--around')
        return
        ;;
    '--depth')
        return
        ;;
    '--up')
        return
        ;;
    '--down')
        return
        ;;
    '--max-nodes')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __lineage_add_completions -o plusdirs -fX '!*.@(mdb)'
        return
        ;;
    esac
}

_lineage_ancestors() {
    repeating_flags=()
    non_repeating_flags=(--count --completed --pending --no-progress --version -h --help)
    repeating_options=()
    non_repeating_options=(-c --checkpoint --wait --depth --format)
    __lineage_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '-c'|'--checkpoint')
        __lineage_add_completions -o plusdirs -fX '!*.@(mdb)'
        return
        ;;
    '--wait')
        return
        ;;
    '--depth')
        return
        ;;
    '--format')
        __lineage_add_completions -W 'text'$'\n''jsonl'$'\n''json'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __lineage_add_completions -o plusdirs -fX '!*.@(mdb)'
        return
        ;;
    esac
}

_lineage_descendants() {
    repeating_flags=()
    non_repeating_flags=(--count --completed --pending --no-progress --version -h --help)
    repeating_options=()
    non_repeating_options=(-c --checkpoint --wait --depth --format)
    __lineage_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '-c'|'--checkpoint')
        __lineage_add_completions -o plusdirs -fX '!*.@(mdb)'
        return
        ;;
    '--wait')
        return
        ;;
    '--depth')
        return
        ;;
    '--format')
        __lineage_add_completions -W 'text'$'\n''jsonl'$'\n''json'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __lineage_add_completions -o plusdirs -fX '!*.@(mdb)'
        return
        ;;
    esac
}

_lineage_path() {
    repeating_flags=()
    non_repeating_flags=(--no-progress --version -h --help)
    repeating_options=()
    non_repeating_options=(-c --checkpoint --wait --format)
    __lineage_offer_flags_options 3

    # Offer option value completions
    case "${prev}" in
    '-c'|'--checkpoint')
        __lineage_add_completions -o plusdirs -fX '!*.@(mdb)'
        return
        ;;
    '--wait')
        return
        ;;
    '--format')
        __lineage_add_completions -W 'text'$'\n''jsonl'$'\n''json'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __lineage_add_completions -o plusdirs -fX '!*.@(mdb)'
        return
        ;;
    esac
}

_lineage_stats() {
    repeating_flags=()
    non_repeating_flags=(--no-progress --version -h --help)
    repeating_options=()
    non_repeating_options=(-c --checkpoint --wait --format --max-examples --top)
    __lineage_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '-c'|'--checkpoint')
        __lineage_add_completions -o plusdirs -fX '!*.@(mdb)'
        return
        ;;
    '--wait')
        return
        ;;
    '--format')
        __lineage_add_completions -W 'text'$'\n''json'$'\n''jsonl'
        return
        ;;
    '--max-examples'|'--top')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __lineage_add_completions -o plusdirs -fX '!*.@(mdb)'
        return
        ;;
    esac
}

_lineage_diff() {
    repeating_flags=()
    non_repeating_flags=(-q --quiet --no-progress --version -h --help)
    repeating_options=()
    non_repeating_options=(-c --checkpoint --format --max-examples --wait)
    __lineage_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '-c'|'--checkpoint')
        __lineage_add_completions -o plusdirs -fX '!*.@(mdb)'
        return
        ;;
    '--format')
        __lineage_add_completions -W 'text'$'\n''json'$'\n''jsonl'
        return
        ;;
    '--max-examples')
        return
        ;;
    '--wait')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __lineage_add_completions -o plusdirs -fX '!*.@(mdb)'
        return
        ;;
    2)
        __lineage_add_completions -o plusdirs -fX '!*.@(mdb)'
        return
        ;;
    esac
}

_lineage_udid() {
    repeating_flags=()
    non_repeating_flags=(--no-progress --version -h --help)
    repeating_options=()
    non_repeating_options=()
    __lineage_offer_flags_options 1
}

_lineage_fixture() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __lineage_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    four-stage|named|pipeline|curator)
        # Offer subcommand argument completions
        "_lineage_fixture_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'four-stage named pipeline curator' -- "${cur}"))
        ;;
    esac
}

_lineage_fixture_four-stage() {
    repeating_flags=()
    non_repeating_flags=(--force --no-progress --rooted --complete --version -h --help)
    repeating_options=()
    non_repeating_options=(--fanout)
    __lineage_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--fanout')
        return
        ;;
    esac
}

_lineage_fixture_named() {
    repeating_flags=()
    non_repeating_flags=(--force --no-progress --version -h --help)
    repeating_options=()
    non_repeating_options=()
    __lineage_offer_flags_options 2
}

_lineage_fixture_pipeline() {
    repeating_flags=()
    non_repeating_flags=(--force --no-progress --version -h --help)
    repeating_options=()
    non_repeating_options=(--roots --fanout --fanin --complete --batch-size)
    __lineage_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--roots')
        return
        ;;
    '--fanout')
        return
        ;;
    '--fanin')
        return
        ;;
    '--complete')
        return
        ;;
    '--batch-size')
        return
        ;;
    esac
}

_lineage_fixture_curator() {
    repeating_flags=()
    non_repeating_flags=(--no-sync --no-progress --version -h --help)
    repeating_options=()
    non_repeating_options=(--writers --empty --sources --overlap --deleted --positional --random --shards --failed --seed)
    __lineage_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--writers')
        return
        ;;
    '--empty')
        return
        ;;
    '--sources')
        return
        ;;
    '--overlap')
        return
        ;;
    '--deleted')
        return
        ;;
    '--positional')
        return
        ;;
    '--random')
        return
        ;;
    '--shards')
        return
        ;;
    '--failed')
        return
        ;;
    '--seed')
        return
        ;;
    esac
}

_lineage_sources() {
    repeating_flags=()
    non_repeating_flags=(--no-progress --version -h --help)
    repeating_options=()
    non_repeating_options=(-c --checkpoint --wait --writer --format --kind)
    __lineage_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '-c'|'--checkpoint')
        __lineage_add_completions -o plusdirs -fX '!*.@(mdb)'
        return
        ;;
    '--wait')
        return
        ;;
    '--writer')
        return
        ;;
    '--format')
        __lineage_add_completions -W 'text'$'\n''jsonl'$'\n''json'
        return
        ;;
    '--kind')
        __lineage_add_completions -W 'dag'$'\n''curator'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __lineage_add_completions -o plusdirs -fX '!*.@(mdb)'
        return
        ;;
    esac
}

_lineage_plan() {
    repeating_flags=()
    non_repeating_flags=(--no-progress --version -h --help)
    repeating_options=()
    non_repeating_options=(-c --checkpoint --wait --groups --files --format --kind)
    __lineage_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '-c'|'--checkpoint')
        __lineage_add_completions -o plusdirs -fX '!*.@(mdb)'
        return
        ;;
    '--wait')
        return
        ;;
    '--groups')
        return
        ;;
    '--files')
        return
        ;;
    '--format')
        __lineage_add_completions -W 'text'$'\n''jsonl'$'\n''json'
        return
        ;;
    '--kind')
        __lineage_add_completions -W 'dag'$'\n''curator'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __lineage_add_completions -o plusdirs -fX '!*.@(mdb)'
        return
        ;;
    esac
}

_lineage_why() {
    repeating_flags=()
    non_repeating_flags=(--no-progress --version -h --help)
    repeating_options=()
    non_repeating_options=(-c --checkpoint --wait --lance --dataset-version --fragments --format)
    __lineage_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '-c'|'--checkpoint')
        __lineage_add_completions -o plusdirs -fX '!*.@(mdb)'
        return
        ;;
    '--wait')
        return
        ;;
    '--lance')
        return
        ;;
    '--dataset-version')
        return
        ;;
    '--fragments')
        return
        ;;
    '--format')
        __lineage_add_completions -W 'text'$'\n''json'$'\n''jsonl'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __lineage_add_completions -o plusdirs -fX '!*.@(mdb)'
        return
        ;;
    esac
}

_lineage_doctor() {
    repeating_flags=()
    non_repeating_flags=(--no-progress --version -h --help)
    repeating_options=()
    non_repeating_options=(-c --checkpoint --wait --kind --format)
    __lineage_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '-c'|'--checkpoint')
        __lineage_add_completions -o plusdirs -fX '!*.@(mdb)'
        return
        ;;
    '--wait')
        return
        ;;
    '--kind')
        __lineage_add_completions -W 'dag'$'\n''curator'
        return
        ;;
    '--format')
        __lineage_add_completions -W 'text'$'\n''json'$'\n''jsonl'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __lineage_add_completions -o plusdirs -fX '!*.@(mdb)'
        return
        ;;
    esac
}

_lineage_watch() {
    repeating_flags=()
    non_repeating_flags=(--once --until-complete --no-progress --version -h --help)
    repeating_options=()
    non_repeating_options=(-c --checkpoint --wait --interval --timeout --stall --format --output --kind --groups --files)
    __lineage_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '-c'|'--checkpoint')
        __lineage_add_completions -o plusdirs -fX '!*.@(mdb)'
        return
        ;;
    '--wait')
        return
        ;;
    '--interval')
        return
        ;;
    '--timeout')
        return
        ;;
    '--stall')
        return
        ;;
    '--format')
        __lineage_add_completions -W 'text'$'\n''jsonl'$'\n''json'$'\n''prom'
        return
        ;;
    '--output')
        return
        ;;
    '--kind')
        __lineage_add_completions -W 'dag'$'\n''curator'
        return
        ;;
    '--groups')
        return
        ;;
    '--files')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __lineage_add_completions -o plusdirs -fX '!*.@(mdb)'
        return
        ;;
    esac
}

_lineage_source-id() {
    repeating_flags=()
    non_repeating_flags=(--no-progress --version -h --help)
    repeating_options=()
    non_repeating_options=(--lance --dataset-version --fragments)
    __lineage_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--lance')
        return
        ;;
    '--dataset-version')
        return
        ;;
    '--fragments')
        return
        ;;
    esac
}

_lineage_help() {
    repeating_flags=()
    non_repeating_flags=(--version)
    repeating_options=()
    non_repeating_options=()
    __lineage_offer_flags_options -1
}

complete -o filenames -F _lineage lineage
