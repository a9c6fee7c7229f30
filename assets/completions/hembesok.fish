# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_hembesok_global_optspecs
    string join \n db= demo lang= key-file= h/help V/version
end

function __fish_hembesok_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_hembesok_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_hembesok_using_subcommand
    set -l cmd (__fish_hembesok_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c hembesok -n "__fish_hembesok_needs_command" -l db -d 'The database file (created on first use)' -r -F
complete -c hembesok -n "__fish_hembesok_needs_command" -l lang -d 'Language of the interface: sv (svenska) or en (English)' -r -f -a "sv\t''
en\t''"
complete -c hembesok -n "__fish_hembesok_needs_command" -l key-file -d 'The passphrase of an encrypted database, in a file of mode 0600 (one trailing newline is left out); without it, the passphrase is asked on a terminal' -r -F
complete -c hembesok -n "__fish_hembesok_needs_command" -l demo -d 'Use a separate demo database, in the app and in every command (created with fictional data if missing; never encrypted); it wins over --db and HEMBESOK_DB'
complete -c hembesok -n "__fish_hembesok_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hembesok -n "__fish_hembesok_needs_command" -s V -l version -d 'Print version'
complete -c hembesok -n "__fish_hembesok_needs_command" -f -a "demo" -d 'Fill a database with realistic fictional families, staff, visits and parent groups'
complete -c hembesok -n "__fish_hembesok_needs_command" -f -a "import" -d 'Import families, staff, visits, parent groups or attendance from a CSV file: all rows or none'
complete -c hembesok -n "__fish_hembesok_needs_command" -f -a "check" -d 'Check the database: integrity, foreign keys, our stamp, schema version and the audit chain'
complete -c hembesok -n "__fish_hembesok_needs_command" -f -a "backup" -d 'Write a verified copy of the database to PATH (mode 0600)'
complete -c hembesok -n "__fish_hembesok_needs_command" -f -a "calendar" -d 'Write a staff member\'s visits (or everyone\'s, one file each) as iCalendar files for Outlook and other calendars'
complete -c hembesok -n "__fish_hembesok_needs_command" -f -a "audit" -d 'Show who saw or changed what: the whole log, or one family\'s extract'
complete -c hembesok -n "__fish_hembesok_needs_command" -f -a "restore" -d 'Replace the database with a backup (what is there now is saved first)'
complete -c hembesok -n "__fish_hembesok_needs_command" -f -a "retention" -d 'Anonymise the families whose participation ended before a day (a dry run unless --apply)'
complete -c hembesok -n "__fish_hembesok_needs_command" -f -a "report" -d 'Write the report to the region for a quarter or a year (aggregate, small cells hidden)'
complete -c hembesok -n "__fish_hembesok_needs_command" -f -a "encrypt" -d 'Encrypt the database with a passphrase (SQLCipher), asked twice on the terminal or read from --key-file'
complete -c hembesok -n "__fish_hembesok_needs_command" -f -a "decrypt" -d 'Turn an encrypted database back into a plain one (the passphrase from --key-file or the terminal)'
complete -c hembesok -n "__fish_hembesok_needs_command" -f -a "rekey" -d 'Change the passphrase of an encrypted database (the old one from --key-file or the terminal)'
complete -c hembesok -n "__fish_hembesok_needs_command" -f -a "init" -d 'Set up a team\'s database: a folder of the team\'s group (2770), the file (0660), and the path in the system-wide config'
complete -c hembesok -n "__fish_hembesok_needs_command" -f -a "completions" -d 'Print shell completions for bash, zsh or fish (the Debian package installs them)'
complete -c hembesok -n "__fish_hembesok_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hembesok -n "__fish_hembesok_using_subcommand demo" -l families -d 'How many families to create' -r
complete -c hembesok -n "__fish_hembesok_using_subcommand demo" -l seed -d 'Seed for the generator: the same seed and date give the same data' -r
complete -c hembesok -n "__fish_hembesok_using_subcommand demo" -l today -d 'The day the data is centred on (YYYY-MM-DD); default today' -r
complete -c hembesok -n "__fish_hembesok_using_subcommand demo" -l db -d 'The database file (created on first use)' -r -F
complete -c hembesok -n "__fish_hembesok_using_subcommand demo" -l lang -d 'Language of the interface: sv (svenska) or en (English)' -r -f -a "sv\t''
en\t''"
complete -c hembesok -n "__fish_hembesok_using_subcommand demo" -l key-file -d 'The passphrase of an encrypted database, in a file of mode 0600 (one trailing newline is left out); without it, the passphrase is asked on a terminal' -r -F
complete -c hembesok -n "__fish_hembesok_using_subcommand demo" -l force -d 'Add to a database that already holds data'
complete -c hembesok -n "__fish_hembesok_using_subcommand demo" -s h -l help -d 'Print help'
complete -c hembesok -n "__fish_hembesok_using_subcommand import" -l db -d 'The database file (created on first use)' -r -F
complete -c hembesok -n "__fish_hembesok_using_subcommand import" -l lang -d 'Language of the interface: sv (svenska) or en (English)' -r -f -a "sv\t''
en\t''"
complete -c hembesok -n "__fish_hembesok_using_subcommand import" -l key-file -d 'The passphrase of an encrypted database, in a file of mode 0600 (one trailing newline is left out); without it, the passphrase is asked on a terminal' -r -F
complete -c hembesok -n "__fish_hembesok_using_subcommand import" -l allow-conflicts -d 'Visits: import double bookings, missing roles and bookings outside working hours or on holidays anyway; they show under To do in the app'
complete -c hembesok -n "__fish_hembesok_using_subcommand import" -s h -l help -d 'Print help'
complete -c hembesok -n "__fish_hembesok_using_subcommand check" -l head -d 'A head held elsewhere (ROWID:HASH, or the hash alone): check that the log still passes through it' -r
complete -c hembesok -n "__fish_hembesok_using_subcommand check" -l db -d 'The database file (created on first use)' -r -F
complete -c hembesok -n "__fish_hembesok_using_subcommand check" -l lang -d 'Language of the interface: sv (svenska) or en (English)' -r -f -a "sv\t''
en\t''"
complete -c hembesok -n "__fish_hembesok_using_subcommand check" -l key-file -d 'The passphrase of an encrypted database, in a file of mode 0600 (one trailing newline is left out); without it, the passphrase is asked on a terminal' -r -F
complete -c hembesok -n "__fish_hembesok_using_subcommand check" -l repair -d 'Rebuild the indexes when the full check finds only index damage (one audited write)'
complete -c hembesok -n "__fish_hembesok_using_subcommand check" -s h -l help -d 'Print help'
complete -c hembesok -n "__fish_hembesok_using_subcommand backup" -l db -d 'The database file (created on first use)' -r -F
complete -c hembesok -n "__fish_hembesok_using_subcommand backup" -l lang -d 'Language of the interface: sv (svenska) or en (English)' -r -f -a "sv\t''
en\t''"
complete -c hembesok -n "__fish_hembesok_using_subcommand backup" -l key-file -d 'The passphrase of an encrypted database, in a file of mode 0600 (one trailing newline is left out); without it, the passphrase is asked on a terminal' -r -F
complete -c hembesok -n "__fish_hembesok_using_subcommand backup" -l force -d 'Replace PATH if it exists'
complete -c hembesok -n "__fish_hembesok_using_subcommand backup" -s h -l help -d 'Print help'
complete -c hembesok -n "__fish_hembesok_using_subcommand calendar" -l staff -d 'The staff member: id number or name' -r
complete -c hembesok -n "__fish_hembesok_using_subcommand calendar" -l week -d 'An ISO week, e.g. 2026-W48 (default: this week)' -r
complete -c hembesok -n "__fish_hembesok_using_subcommand calendar" -l from -d 'First day, YYYY-MM-DD (with --to)' -r
complete -c hembesok -n "__fish_hembesok_using_subcommand calendar" -l to -d 'Last day, YYYY-MM-DD (with --from)' -r
complete -c hembesok -n "__fish_hembesok_using_subcommand calendar" -l out -d 'Where to write the .ics file' -r -F
complete -c hembesok -n "__fish_hembesok_using_subcommand calendar" -l dir -d 'The folder for --all: one Förnamn-Efternamn.ics per person (made if missing)' -r -F
complete -c hembesok -n "__fish_hembesok_using_subcommand calendar" -l db -d 'The database file (created on first use)' -r -F
complete -c hembesok -n "__fish_hembesok_using_subcommand calendar" -l lang -d 'Language of the interface: sv (svenska) or en (English)' -r -f -a "sv\t''
en\t''"
complete -c hembesok -n "__fish_hembesok_using_subcommand calendar" -l key-file -d 'The passphrase of an encrypted database, in a file of mode 0600 (one trailing newline is left out); without it, the passphrase is asked on a terminal' -r -F
complete -c hembesok -n "__fish_hembesok_using_subcommand calendar" -l all -d 'Every active staff member, one file each in --dir'
complete -c hembesok -n "__fish_hembesok_using_subcommand calendar" -s h -l help -d 'Print help'
complete -c hembesok -n "__fish_hembesok_using_subcommand audit" -l since -d 'Only entries on or after this day (YYYY-MM-DD)' -r
complete -c hembesok -n "__fish_hembesok_using_subcommand audit" -l family -d 'Only entries about this family (its reference)' -r
complete -c hembesok -n "__fish_hembesok_using_subcommand audit" -l db -d 'The database file (created on first use)' -r -F
complete -c hembesok -n "__fish_hembesok_using_subcommand audit" -l lang -d 'Language of the interface: sv (svenska) or en (English)' -r -f -a "sv\t''
en\t''"
complete -c hembesok -n "__fish_hembesok_using_subcommand audit" -l key-file -d 'The passphrase of an encrypted database, in a file of mode 0600 (one trailing newline is left out); without it, the passphrase is asked on a terminal' -r -F
complete -c hembesok -n "__fish_hembesok_using_subcommand audit" -l head -d 'Print the audit chain\'s head (ROWID:HASH) to keep elsewhere, and nothing else'
complete -c hembesok -n "__fish_hembesok_using_subcommand audit" -s h -l help -d 'Print help'
complete -c hembesok -n "__fish_hembesok_using_subcommand restore" -l db -d 'The database file (created on first use)' -r -F
complete -c hembesok -n "__fish_hembesok_using_subcommand restore" -l lang -d 'Language of the interface: sv (svenska) or en (English)' -r -f -a "sv\t''
en\t''"
complete -c hembesok -n "__fish_hembesok_using_subcommand restore" -l key-file -d 'The passphrase of an encrypted database, in a file of mode 0600 (one trailing newline is left out); without it, the passphrase is asked on a terminal' -r -F
complete -c hembesok -n "__fish_hembesok_using_subcommand restore" -s h -l help -d 'Print help'
complete -c hembesok -n "__fish_hembesok_using_subcommand retention" -l before -d 'Families whose participation ended before this day, YYYY-MM-DD (default: 5 years ago)' -r
complete -c hembesok -n "__fish_hembesok_using_subcommand retention" -l db -d 'The database file (created on first use)' -r -F
complete -c hembesok -n "__fish_hembesok_using_subcommand retention" -l lang -d 'Language of the interface: sv (svenska) or en (English)' -r -f -a "sv\t''
en\t''"
complete -c hembesok -n "__fish_hembesok_using_subcommand retention" -l key-file -d 'The passphrase of an encrypted database, in a file of mode 0600 (one trailing newline is left out); without it, the passphrase is asked on a terminal' -r -F
complete -c hembesok -n "__fish_hembesok_using_subcommand retention" -l apply -d 'Anonymise them (without it, only the counts are shown)'
complete -c hembesok -n "__fish_hembesok_using_subcommand retention" -s h -l help -d 'Print help'
complete -c hembesok -n "__fish_hembesok_using_subcommand report" -l quarter -d 'The calendar quarter, e.g. 2026Q3' -r
complete -c hembesok -n "__fish_hembesok_using_subcommand report" -l year -d 'The calendar year, e.g. 2025: the same indicators over the year' -r
complete -c hembesok -n "__fish_hembesok_using_subcommand report" -l format -d 'The file format' -r -f -a "json\t''
csv\t''
xlsx\t''"
complete -c hembesok -n "__fish_hembesok_using_subcommand report" -l out -d 'Where to write it (default: hembesok-PERIOD.FORMAT in the current folder)' -r -F
complete -c hembesok -n "__fish_hembesok_using_subcommand report" -l threshold -d 'The smallest count published (default from the config, else 5; never below 3)' -r
complete -c hembesok -n "__fish_hembesok_using_subcommand report" -l db -d 'The database file (created on first use)' -r -F
complete -c hembesok -n "__fish_hembesok_using_subcommand report" -l lang -d 'Language of the interface: sv (svenska) or en (English)' -r -f -a "sv\t''
en\t''"
complete -c hembesok -n "__fish_hembesok_using_subcommand report" -l key-file -d 'The passphrase of an encrypted database, in a file of mode 0600 (one trailing newline is left out); without it, the passphrase is asked on a terminal' -r -F
complete -c hembesok -n "__fish_hembesok_using_subcommand report" -s h -l help -d 'Print help'
complete -c hembesok -n "__fish_hembesok_using_subcommand encrypt" -l db -d 'The database file (created on first use)' -r -F
complete -c hembesok -n "__fish_hembesok_using_subcommand encrypt" -l lang -d 'Language of the interface: sv (svenska) or en (English)' -r -f -a "sv\t''
en\t''"
complete -c hembesok -n "__fish_hembesok_using_subcommand encrypt" -l key-file -d 'The passphrase of an encrypted database, in a file of mode 0600 (one trailing newline is left out); without it, the passphrase is asked on a terminal' -r -F
complete -c hembesok -n "__fish_hembesok_using_subcommand encrypt" -s h -l help -d 'Print help'
complete -c hembesok -n "__fish_hembesok_using_subcommand decrypt" -l db -d 'The database file (created on first use)' -r -F
complete -c hembesok -n "__fish_hembesok_using_subcommand decrypt" -l lang -d 'Language of the interface: sv (svenska) or en (English)' -r -f -a "sv\t''
en\t''"
complete -c hembesok -n "__fish_hembesok_using_subcommand decrypt" -l key-file -d 'The passphrase of an encrypted database, in a file of mode 0600 (one trailing newline is left out); without it, the passphrase is asked on a terminal' -r -F
complete -c hembesok -n "__fish_hembesok_using_subcommand decrypt" -s h -l help -d 'Print help'
complete -c hembesok -n "__fish_hembesok_using_subcommand rekey" -l new-key-file -d 'The new passphrase, in a file of mode 0600 (else it is asked twice on the terminal)' -r -F
complete -c hembesok -n "__fish_hembesok_using_subcommand rekey" -l db -d 'The database file (created on first use)' -r -F
complete -c hembesok -n "__fish_hembesok_using_subcommand rekey" -l lang -d 'Language of the interface: sv (svenska) or en (English)' -r -f -a "sv\t''
en\t''"
complete -c hembesok -n "__fish_hembesok_using_subcommand rekey" -l key-file -d 'The passphrase of an encrypted database, in a file of mode 0600 (one trailing newline is left out); without it, the passphrase is asked on a terminal' -r -F
complete -c hembesok -n "__fish_hembesok_using_subcommand rekey" -s h -l help -d 'Print help'
complete -c hembesok -n "__fish_hembesok_using_subcommand init" -l group -d 'The team\'s group: everyone in it may open the database, nobody else' -r
complete -c hembesok -n "__fish_hembesok_using_subcommand init" -l db -d 'The database file (created on first use)' -r -F
complete -c hembesok -n "__fish_hembesok_using_subcommand init" -l lang -d 'Language of the interface: sv (svenska) or en (English)' -r -f -a "sv\t''
en\t''"
complete -c hembesok -n "__fish_hembesok_using_subcommand init" -l key-file -d 'The passphrase of an encrypted database, in a file of mode 0600 (one trailing newline is left out); without it, the passphrase is asked on a terminal' -r -F
complete -c hembesok -n "__fish_hembesok_using_subcommand init" -l no-system-config -d 'Do not write the path into the system-wide config'
complete -c hembesok -n "__fish_hembesok_using_subcommand init" -s h -l help -d 'Print help'
complete -c hembesok -n "__fish_hembesok_using_subcommand completions" -l db -d 'The database file (created on first use)' -r -F
complete -c hembesok -n "__fish_hembesok_using_subcommand completions" -l lang -d 'Language of the interface: sv (svenska) or en (English)' -r -f -a "sv\t''
en\t''"
complete -c hembesok -n "__fish_hembesok_using_subcommand completions" -l key-file -d 'The passphrase of an encrypted database, in a file of mode 0600 (one trailing newline is left out); without it, the passphrase is asked on a terminal' -r -F
complete -c hembesok -n "__fish_hembesok_using_subcommand completions" -s h -l help -d 'Print help'
complete -c hembesok -n "__fish_hembesok_using_subcommand help; and not __fish_seen_subcommand_from demo import check backup calendar audit restore retention report encrypt decrypt rekey init completions help" -f -a "demo" -d 'Fill a database with realistic fictional families, staff, visits and parent groups'
complete -c hembesok -n "__fish_hembesok_using_subcommand help; and not __fish_seen_subcommand_from demo import check backup calendar audit restore retention report encrypt decrypt rekey init completions help" -f -a "import" -d 'Import families, staff, visits, parent groups or attendance from a CSV file: all rows or none'
complete -c hembesok -n "__fish_hembesok_using_subcommand help; and not __fish_seen_subcommand_from demo import check backup calendar audit restore retention report encrypt decrypt rekey init completions help" -f -a "check" -d 'Check the database: integrity, foreign keys, our stamp, schema version and the audit chain'
complete -c hembesok -n "__fish_hembesok_using_subcommand help; and not __fish_seen_subcommand_from demo import check backup calendar audit restore retention report encrypt decrypt rekey init completions help" -f -a "backup" -d 'Write a verified copy of the database to PATH (mode 0600)'
complete -c hembesok -n "__fish_hembesok_using_subcommand help; and not __fish_seen_subcommand_from demo import check backup calendar audit restore retention report encrypt decrypt rekey init completions help" -f -a "calendar" -d 'Write a staff member\'s visits (or everyone\'s, one file each) as iCalendar files for Outlook and other calendars'
complete -c hembesok -n "__fish_hembesok_using_subcommand help; and not __fish_seen_subcommand_from demo import check backup calendar audit restore retention report encrypt decrypt rekey init completions help" -f -a "audit" -d 'Show who saw or changed what: the whole log, or one family\'s extract'
complete -c hembesok -n "__fish_hembesok_using_subcommand help; and not __fish_seen_subcommand_from demo import check backup calendar audit restore retention report encrypt decrypt rekey init completions help" -f -a "restore" -d 'Replace the database with a backup (what is there now is saved first)'
complete -c hembesok -n "__fish_hembesok_using_subcommand help; and not __fish_seen_subcommand_from demo import check backup calendar audit restore retention report encrypt decrypt rekey init completions help" -f -a "retention" -d 'Anonymise the families whose participation ended before a day (a dry run unless --apply)'
complete -c hembesok -n "__fish_hembesok_using_subcommand help; and not __fish_seen_subcommand_from demo import check backup calendar audit restore retention report encrypt decrypt rekey init completions help" -f -a "report" -d 'Write the report to the region for a quarter or a year (aggregate, small cells hidden)'
complete -c hembesok -n "__fish_hembesok_using_subcommand help; and not __fish_seen_subcommand_from demo import check backup calendar audit restore retention report encrypt decrypt rekey init completions help" -f -a "encrypt" -d 'Encrypt the database with a passphrase (SQLCipher), asked twice on the terminal or read from --key-file'
complete -c hembesok -n "__fish_hembesok_using_subcommand help; and not __fish_seen_subcommand_from demo import check backup calendar audit restore retention report encrypt decrypt rekey init completions help" -f -a "decrypt" -d 'Turn an encrypted database back into a plain one (the passphrase from --key-file or the terminal)'
complete -c hembesok -n "__fish_hembesok_using_subcommand help; and not __fish_seen_subcommand_from demo import check backup calendar audit restore retention report encrypt decrypt rekey init completions help" -f -a "rekey" -d 'Change the passphrase of an encrypted database (the old one from --key-file or the terminal)'
complete -c hembesok -n "__fish_hembesok_using_subcommand help; and not __fish_seen_subcommand_from demo import check backup calendar audit restore retention report encrypt decrypt rekey init completions help" -f -a "init" -d 'Set up a team\'s database: a folder of the team\'s group (2770), the file (0660), and the path in the system-wide config'
complete -c hembesok -n "__fish_hembesok_using_subcommand help; and not __fish_seen_subcommand_from demo import check backup calendar audit restore retention report encrypt decrypt rekey init completions help" -f -a "completions" -d 'Print shell completions for bash, zsh or fish (the Debian package installs them)'
complete -c hembesok -n "__fish_hembesok_using_subcommand help; and not __fish_seen_subcommand_from demo import check backup calendar audit restore retention report encrypt decrypt rekey init completions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
