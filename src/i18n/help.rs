//! The command line's `--help` in Swedish: one table for the top level and every subcommand.
//! The English help is the clap derive in `cli.rs`; `cli::command` swaps these texts in when
//! the language is Swedish, and a test fails if a command or an argument has no line here.

/// What a line of the table replaces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HelpItem {
    /// The one-line summary (also the line in the parent's list of commands).
    About,
    /// The longer description `--help` shows instead of the summary.
    LongAbout,
    /// The text after the options.
    AfterHelp,
    /// An argument's help, by its id (the field name in `cli.rs`).
    Arg(&'static str),
}

/// One Swedish text for a command ("" is the top level) or one of its arguments.
#[derive(Debug, Clone, Copy)]
pub struct HelpText {
    pub command: &'static str,
    pub item: HelpItem,
    pub sv: &'static str,
}

const fn line(command: &'static str, item: HelpItem, sv: &'static str) -> HelpText {
    HelpText { command, item, sv }
}

use HelpItem::{About, AfterHelp, Arg, LongAbout};

/// Clap's own words, which the derive leaves in English.
pub const SV_TEMPLATE: &str =
    "{before-help}{about-with-newline}\nAnvändning: {usage}\n\n{all-args}{after-help}";
pub const SV_OPTIONS: &str = "Alternativ";
pub const SV_ARGUMENTS: &str = "Argument";
pub const SV_COMMANDS: &str = "Kommandon";
pub const SV_COMMAND: &str = "KOMMANDO";
pub const SV_HELP: &str = "Visa hjälpen";
pub const SV_VERSION: &str = "Visa versionen";
pub const SV_HELP_COMMAND: &str = "Visa den här hjälpen, eller hjälpen för ett kommando";

pub const HELP_SV: &[HelpText] = &[
    line(
        "",
        About,
        "Planera utökade hembesök och föräldragrupper; rapportera till regionen",
    ),
    line(
        "",
        LongAbout,
        "hembesok är samordnarens planeringsregister för ett utökat hembesöksprogram för \
förstagångsföräldrar och dess föräldragrupper.\n\n\
Utan kommando öppnas terminalappen på databasen (`--demo` arbetar i en separat \
demodatabas, i appen och i varje kommando). Kommandona gör det arbete som skript och schemaläggare gör.",
    ),
    line(
        "",
        AfterHelp,
        "Databasen är filen som anges med --db, annars $HEMBESOK_DB, annars hembesok.sqlite \
i plattformens datamapp (på Linux ~/.local/share/hembesok/). Språket är --lang, annars \
`lang` i config.toml, annars systemets språk (LANG).",
    ),
    line(
        "",
        Arg("db"),
        "Databasfilen (skapas första gången; även $HEMBESOK_DB)",
    ),
    line(
        "",
        Arg("demo"),
        "Använd en separat demodatabas, i appen och i varje kommando (skapas med påhittade data \
om den saknas; krypteras aldrig); går före --db och HEMBESOK_DB",
    ),
    line(
        "",
        Arg("key_file"),
        "Lösenfrasen till en krypterad databas, i en fil med rättigheterna 0600 (en avslutande \
radbrytning räknas inte); utan den frågas lösenfrasen efter i terminalen (även $HEMBESOK_KEY_FILE)",
    ),
    line(
        "",
        Arg("lang"),
        "Språk för gränssnittet och kommandona: sv (svenska) eller en (English)",
    ),
    line(
        "demo",
        About,
        "Fyll en databas med realistiska påhittade familjer, personal, besök och föräldragrupper",
    ),
    line(
        "demo",
        Arg("families"),
        "Hur många familjer som skapas (1–1000000, standard 120)",
    ),
    line(
        "demo",
        Arg("seed"),
        "Frö för generatorn: samma frö och datum ger samma data (standard 1)",
    ),
    line(
        "demo",
        Arg("today"),
        "Dagen som data utgår från (ÅÅÅÅ-MM-DD); standard i dag",
    ),
    line(
        "demo",
        Arg("force"),
        "Lägg till i en databas som redan innehåller data",
    ),
    line(
        "import",
        About,
        "Importera familjer, personal, besök, föräldragrupper eller närvaro från en CSV-fil: alla rader eller ingen",
    ),
    line(
        "import",
        AfterHelp,
        "Importera personalen först, sedan familjerna, sedan besöken (besöken namnger båda), sedan \
grupperna (ledare och medlemmar), sedan närvaron. \
Varje problem skrivs som `rad N: KOLUMN: vad som är fel`, och då importeras ingenting. \
Se `man hembesok` för alla kolumner.",
    ),
    line(
        "import",
        Arg("kind"),
        "Vad filen innehåller: families (familjer), staff (personal), visits (besök), groups \
(föräldragrupper) eller attendance (närvaro)",
    ),
    line(
        "import",
        Arg("file"),
        "CSV-filen (UTF-8, komma eller semikolon, med en rubrikrad)",
    ),
    line(
        "import",
        Arg("allow_conflicts"),
        "Besök: importera dubbelbokningar, saknade roller och bokningar utanför arbetstid eller \
på helgdagar ändå; de visas under Att göra i appen",
    ),
    line(
        "check",
        About,
        "Kontrollera databasen: integritet, referenser, vår stämpel, schemaversion och loggkedjan",
    ),
    line(
        "check",
        AfterHelp,
        "Granskningsloggen är en kedja: varje rad har en kontrollsumma av raden före och av sig själv. \
`check` räknar om den från första raden. Ett kedjehuvud som skrevs ut tidigare (av `audit --head`, \
en säkerhetskopia, en export eller rapportfilen som regionen har) och anges med --head visar mer: \
att loggen fortfarande går genom den raden oförändrad, så att inget fram till den har tagits bort \
eller skrivits om sedan dess.",
    ),
    line(
        "check",
        Arg("head"),
        "Ett kedjehuvud som sparats någon annanstans (RADID:KONTROLLSUMMA, eller bara \
kontrollsumman): kontrollera att loggen fortfarande går genom det",
    ),
    line(
        "check",
        Arg("repair"),
        "Bygg om indexen när den fullständiga kontrollen bara hittar skador i index (en loggad skrivning)",
    ),
    line(
        "backup",
        About,
        "Skriv en kontrollerad kopia av databasen till SÖKVÄG (läget 0600)",
    ),
    line(
        "report",
        About,
        "Skriv rapporten till regionen för ett kvartal eller ett år (sammanställd, små tal dolda)",
    ),
    line(
        "report",
        AfterHelp,
        "PERIODER: ett kalenderkvartal (--quarter 2026Q3) eller ett kalenderår (--year 2025), aldrig en \
rullande period. En period som inte är slut är preliminär, i ett eget fält och en egen kolumn.

MARKERINGAR (SCB:s): `..` ett dolt värde, `–` inget att redovisa (en andel av ingen). I JSON har varje \
värde en status: published, hidden eller empty. Varje andel har sin täljare och nämnare som antal.

LÄSAREN SOM RÄKNAR: filen är säker mot en läsare som känner reglerna, vet att nollor visas (så ett dolt \
antal är minst 1), att antal är heltal, varje summa i filen (kategorier, varje indelning till kommunen, \
enheter som består av andra enheter), de olika familjerna i grupp som olikheter, andelarna mot sina täljare och \
nämnare, och varje tidigare fil för samma period. Inget dolt antal kan räknas ut exakt, och inget kan visas \
vara under tröskeln: rapporten granskar sig själv med små heltalsprogram och döljer mer tills det håller. En \
indelning som skulle förlora de flesta av sina celler, eller har en enhet med färre än k familjer, redovisas \
inte för den indikatorn, och filen säger varför. En andel av besök på 95 % eller mer visas som ≥95 när färre \
än k besök föll bort.

REVISIONER: varje export sparar de celler den redovisade. En senare export av samma period vars siffror \
skiljer sig får nästa revisionsnummer och de tidigare filernas SHA-256; den döljer allt de dolde och granskas \
tillsammans med dem. Samma databas, period och tröskel ger samma bytes. Exporten kräver `municipality` och \
`municipality_code` (fyra siffror) i config.toml; det som saknas i periodens uppgifter skrivs som en varning.",
    ),
    line("report", Arg("quarter"), "Kalenderkvartalet, t.ex. 2026Q3"),
    line(
        "report",
        Arg("year"),
        "Kalenderåret, t.ex. 2025: samma indikatorer över året",
    ),
    line("report", Arg("format"), "Filformatet: json, csv eller xlsx"),
    line(
        "report",
        Arg("out"),
        "Vart filen ska skrivas (standard: hembesok-PERIOD.FORMAT i den aktuella mappen)",
    ),
    line(
        "report",
        Arg("threshold"),
        "Det minsta antal som visas (standard från inställningarna, annars 5; aldrig under 3)",
    ),
    line("backup", Arg("path"), "Vart kopian ska skrivas"),
    line("backup", Arg("force"), "Ersätt SÖKVÄG om den finns"),
    line(
        "calendar",
        About,
        "Skriv en persons besök (eller allas, en fil var) som iCalendar-filer för Outlook och andra kalendrar",
    ),
    line(
        "calendar",
        AfterHelp,
        "Om filen importeras igen uppdateras besöken i stället för att dubbleras: ett besök som \
ändrats sedan förra exporten får ett högre SEQUENCE, och ett som inte längre gäller personen (bokat om \
till någon annan, inställt eller flyttat från de exporterade dagarna) kommer en gång till, inställt, så \
att kalendern tar bort det. En familj med skyddad identitet visas utan namn och adress.",
    ),
    line(
        "calendar",
        Arg("staff"),
        "Personen i personalen: id-nummer eller namn",
    ),
    line(
        "calendar",
        Arg("week"),
        "En ISO-vecka, t.ex. 2026-W48 (standard: den här veckan)",
    ),
    line(
        "calendar",
        Arg("from"),
        "Första dagen, ÅÅÅÅ-MM-DD (med --to)",
    ),
    line(
        "calendar",
        Arg("to"),
        "Sista dagen, ÅÅÅÅ-MM-DD (med --from)",
    ),
    line("calendar", Arg("out"), "Vart .ics-filen ska skrivas"),
    line(
        "calendar",
        Arg("all"),
        "Alla i personalen som är aktiva, en fil var i --dir",
    ),
    line(
        "calendar",
        Arg("dir"),
        "Mappen för --all: en Förnamn-Efternamn.ics per person (skapas om den saknas)",
    ),
    line(
        "audit",
        About,
        "Visa vem som såg eller ändrade vad: hela loggen, eller en familjs utdrag",
    ),
    line(
        "audit",
        AfterHelp,
        "Med --family listar utdraget familjens besök (för ett besök som blev av: vilka i familjen som var med) \
och varje visning, ändring och export av familjens uppgifter: det familjen kan begära att få se.",
    ),
    line(
        "audit",
        Arg("since"),
        "Bara poster på eller efter den här dagen (ÅÅÅÅ-MM-DD)",
    ),
    line(
        "audit",
        Arg("family"),
        "Bara poster om den här familjen (dess referens)",
    ),
    line(
        "audit",
        Arg("head"),
        "Skriv bara ut granskningsloggens kedjehuvud (RADID:KONTROLLSUMMA) att spara någon annanstans",
    ),
    line(
        "restore",
        About,
        "Ersätt databasen med en säkerhetskopia (det som finns nu sparas först)",
    ),
    line(
        "restore",
        AfterHelp,
        "Säkerhetskopian måste vara en hembesok-databas som klarar alla kontroller. Det som \
databasen innehåller nu sparas först bredvid den som NAMN.before-restore-DATUM-TID.sqlite, så \
att en återställning kan göras ogjord.",
    ),
    line(
        "restore",
        Arg("path"),
        "Säkerhetskopian som ska återställas (gjord med `hembesok backup`)",
    ),
    line(
        "retention",
        About,
        "Avidentifiera familjer vars deltagande slutade före en dag (gallring; bara en provkörning utan --apply)",
    ),
    line(
        "retention",
        AfterHelp,
        "Utan --apply visas bara antalen, aldrig ett namn, och ingenting ändras. Med --apply förlorar \
familjerna vars deltagande slutade (avslutat, fullföljt eller tackat nej) före DATUM sina namn, \
identitetsnummer, adresser, telefonnummer, anteckningar och samtyckesgivare, och får en slumpad referens; \
datum, område, mottagning, program och vad besöken var finns kvar, så att tidigare kvartals rapporter \
blir desamma. Körningen står i loggen, och filen skrivs om så att namnen inte finns kvar i dess byte. \
Standard för DATUM: `retention_years` (5) i config.toml, räknat bakåt från i dag.",
    ),
    line(
        "retention",
        Arg("before"),
        "Familjer vars deltagande slutade före den här dagen, ÅÅÅÅ-MM-DD (standard: för 5 år sedan)",
    ),
    line(
        "retention",
        Arg("apply"),
        "Avidentifiera dem (utan det visas bara antalen)",
    ),
    line(
        "encrypt",
        About,
        "Kryptera databasen med en lösenfras (SQLCipher), som frågas efter två gånger i terminalen eller läses från --key-file",
    ),
    line(
        "encrypt",
        AfterHelp,
        "Den krypterade kopian skrivs bredvid databasen, kontrolleras med lösenfrasen och byter \
först därefter namn till databasen; databasen lämnas aldrig halvt omskriven. Sedan frågar appen \
efter lösenfrasen när den startar, och kommandona tar --key-file eller HEMBESOK_KEY_FILE. En \
glömd lösenfras går inte att återskapa: då är uppgifterna förlorade, säkerhetskopiorna också.",
    ),
    line(
        "decrypt",
        About,
        "Gör en krypterad databas okrypterad igen (lösenfrasen från --key-file eller terminalen)",
    ),
    line(
        "rekey",
        About,
        "Byt lösenfras för en krypterad databas (den gamla från --key-file eller terminalen)",
    ),
    line(
        "rekey",
        Arg("new_key_file"),
        "Den nya lösenfrasen, i en fil med rättigheterna 0600 (annars frågas den efter två gånger i terminalen)",
    ),
    line(
        "init",
        About,
        "Ställ i ordning ett teams databas: en mapp som tillhör teamets grupp (2770), filen (0660) och sökvägen i den gemensamma konfigurationen",
    ),
    line(
        "init",
        AfterHelp,
        "Körs en gång, som root, på den dator teamet loggar in på med SSH, t.ex. \
`sudo hembesok init --group hembesok /srv/hembesok/hembesok.sqlite`. Var och en i gruppen kör sedan bara \
`hembesok`: den gemensamma konfigurationen (/etc/hembesok/config.toml) anger databasen. Filer som hembesok gör i \
mappen tillhör gruppen och har rättigheterna 0660; ingen utanför gruppen kan läsa dem.",
    ),
    line("init", Arg("group"), "Teamets grupp: alla i den får öppna databasen, ingen annan"),
    line("init", Arg("path"), "Databasfilen som ska ställas i ordning (skapas om den saknas, mappen också)"),
    line("init", Arg("no_system_config"), "Skriv inte in sökvägen i den gemensamma konfigurationen"),
    line(
        "completions",
        About,
        "Skriv ut kompletteringar för skalet bash, zsh eller fish (Debianpaketet installerar dem)",
    ),
    line(
        "completions",
        AfterHelp,
        "Till exempel: hembesok completions bash > ~/.local/share/bash-completion/completions/hembesok",
    ),
    line("completions", Arg("shell"), "Skalet: bash, zsh eller fish"),
];

/// The Swedish text for `item` of `command` ("" for the top level), if the table has one.
pub fn swedish(command: &str, item: HelpItem) -> Option<&'static str> {
    HELP_SV
        .iter()
        .find(|e| e.command == command && e.item == item)
        .map(|e| e.sv)
}

/// The Swedish help for the argument `id` of `command`.
pub fn swedish_arg(command: &str, id: &str) -> Option<&'static str> {
    HELP_SV
        .iter()
        .find(|e| e.command == command && matches!(e.item, HelpItem::Arg(a) if a == id))
        .map(|e| e.sv)
}
