namespace ScanPipeline.SampleGenerator.Text;

/// <summary>A place: postcode, town, telephone area code and number-plate code.</summary>
public sealed record Place(string Postcode, string Town, string AreaCode, string PlateCode);

/// <summary>A city administration that receives the letters.</summary>
public sealed record CityHall(string Town, string Street, string Postcode, string AreaCode, string PlateCode,
    string[] ResidentPostcodes, string[] Districts, string Gemarkung);

/// <summary>A bank with its real sort code (BLZ) and BIC; account numbers are made up.</summary>
public sealed record Bank(string Name, string Blz, string Bic);

/// <summary>Hand-written German lists for names, places and firms. All people and firms are fictitious.</summary>
public static class GermanData
{
    public static readonly string[] FemaleFirstNames =
    [
        "Anna", "Maria", "Sabine", "Petra", "Claudia", "Monika", "Julia", "Katharina", "Laura", "Lea", "Sophie",
        "Marie", "Hannah", "Emma", "Lena", "Sarah", "Christina", "Stefanie", "Nicole", "Andrea", "Birgit", "Ursula",
        "Renate", "Gisela", "Helga", "Ingrid", "Karin", "Heike", "Susanne", "Martina", "Daniela", "Melanie",
        "Jessica", "Vanessa", "Franziska", "Johanna", "Charlotte", "Mia", "Leonie", "Nina", "Miriam", "Tanja",
        "Silke", "Anja", "Jutta", "Elke", "Bärbel", "Dörte", "Jana", "Ayşe", "Fatma", "Elif", "Natalia", "Olga",
        "Agnieszka", "Ioana", "Svenja", "Friederike", "Annika", "Carolin", "Greta", "Ilse", "Hildegard", "Rosemarie",
    ];

    public static readonly string[] MaleFirstNames =
    [
        "Thomas", "Michael", "Andreas", "Stefan", "Frank", "Jürgen", "Klaus", "Peter", "Wolfgang", "Uwe", "Markus",
        "Christian", "Martin", "Matthias", "Sebastian", "Tobias", "Jan", "Lukas", "Jonas", "Felix", "Maximilian",
        "Paul", "Leon", "Niklas", "Tim", "Florian", "Alexander", "Daniel", "Dirk", "Holger", "Ralf", "Bernd",
        "Günter", "Horst", "Dieter", "Manfred", "Heinz", "Rüdiger", "Jörg", "Sven", "Torsten", "Kai", "Björn",
        "Mehmet", "Ahmet", "Murat", "Piotr", "Andrzej", "Dmitri", "Sergej", "Luca", "Marco", "Hendrik", "Ole",
        "Henning", "Friedrich", "Karl-Heinz", "Hans-Peter", "Moritz", "Benedikt", "Johannes", "Konstantin",
    ];

    public static readonly string[] LastNames =
    [
        "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
        "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann",
        "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Schmitz", "Krause", "Meier",
        "Lehmann", "Schmid", "Schulze", "Maier", "Köhler", "Herrmann", "König", "Walter", "Mayer", "Huber",
        "Kaiser", "Fuchs", "Peters", "Lang", "Scholz", "Möller", "Weiß", "Jung", "Hahn", "Schubert", "Vogel",
        "Friedrich", "Keller", "Günther", "Frank", "Berger", "Winkler", "Roth", "Beck", "Lorenz", "Baumann",
        "Franke", "Albrecht", "Schuster", "Simon", "Ludwig", "Böhm", "Winter", "Kraus", "Martin", "Schumacher",
        "Krämer", "Vogt", "Stein", "Jäger", "Otto", "Sommer", "Groß", "Seidel", "Heinrich", "Brandt", "Haas",
        "Schreiber", "Graf", "Schulte", "Dietrich", "Ziegler", "Kuhn", "Kühn", "Pohl", "Engel", "Horn", "Busch",
        "Bergmann", "Thomas", "Voigt", "Sauer", "Arnold", "Wolff", "Pfeiffer", "Brinkmann", "Janßen", "Hinrichs",
        "Oltmanns", "Wübbena", "Gößling", "Dreßler", "Nüßlein", "Yılmaz", "Kaya", "Demir", "Öztürk", "Şahin",
        "Nowak", "Kowalski", "Wiśniewski", "Popescu", "Ivanov", "Petrović", "Rossi", "Nguyen", "Haddad",
    ];

    public static readonly string[] Streets =
    [
        "Hauptstraße", "Bahnhofstraße", "Goethestraße", "Schillerstraße", "Am Lindenhof", "Birkenweg", "Mühlenweg",
        "Kirchplatz", "Friedrich-Ebert-Straße", "Lindenallee", "Rosenstraße", "Gartenstraße", "Am Sportplatz",
        "Uhlandstraße", "Bergstraße", "Waldstraße", "Ringstraße", "Schulstraße", "Feldstraße", "Wiesenweg",
        "Eichendorffweg", "Kastanienallee", "Marktstraße", "Burgstraße", "Talstraße", "Am Stadtgarten",
        "Lessingstraße", "Herderstraße", "Jahnstraße", "Kantstraße", "Luisenstraße", "Wilhelmstraße", "Parkstraße",
        "Im Winkel", "Zur Alten Mühle", "An der Schleuse", "Sonnenhang", "Heideweg", "Fliederweg", "Ahornweg",
        "Ulmenstraße", "Königsberger Straße", "Breslauer Straße", "Danziger Straße", "Mozartstraße",
        "Beethovenstraße", "Amselweg", "Drosselgasse", "Lerchenfeld", "Falkenstraße", "Am Wasserturm",
        "Hafenstraße", "Kaiserstraße", "Nordring", "Südwall", "Weststraße", "Brüderstraße", "Große Düwelstraße",
        "Hölderlinweg", "Am Krähenberg", "Tannenhöhe", "Fürstenwall", "Weißdornweg", "Auf der Hüls",
        "Georg-Büchner-Straße", "Geschwister-Scholl-Straße", "Sophie-Scholl-Platz", "Kurt-Schumacher-Straße",
    ];

    public static readonly string[] BusinessStreets =
    [
        "Industriestraße", "Gewerbepark Nord", "Robert-Bosch-Straße", "Carl-Benz-Straße", "Siemensstraße",
        "Otto-Hahn-Straße", "Max-Planck-Straße", "Daimlerstraße", "Dieselstraße", "Im Gewerbegebiet",
        "Hansaring", "Am Güterbahnhof", "Rudolf-Diesel-Straße", "Handwerkerhof", "Zeppelinstraße",
        "Gutenbergstraße", "Konrad-Zuse-Ring", "Werner-von-Siemens-Straße",
    ];

    /// <summary>Real postcodes with the town's area code and plate code (senders from anywhere).</summary>
    public static readonly Place[] Places =
    [
        new("42103", "Wuppertal", "0202", "W"), new("42275", "Wuppertal", "0202", "W"),
        new("34117", "Kassel", "0561", "KS"), new("34131", "Kassel", "0561", "KS"),
        new("33602", "Bielefeld", "0521", "BI"), new("33615", "Bielefeld", "0521", "BI"),
        new("99084", "Erfurt", "0361", "EF"), new("99096", "Erfurt", "0361", "EF"),
        new("89073", "Ulm", "0731", "UL"), new("26122", "Oldenburg", "0441", "OL"),
        new("14469", "Potsdam", "0331", "P"), new("97070", "Würzburg", "0931", "WÜ"),
        new("10115", "Berlin", "030", "B"), new("10437", "Berlin", "030", "B"), new("12043", "Berlin", "030", "B"),
        new("20095", "Hamburg", "040", "HH"), new("22765", "Hamburg", "040", "HH"),
        new("80331", "München", "089", "M"), new("81667", "München", "089", "M"),
        new("50667", "Köln", "0221", "K"), new("50937", "Köln", "0221", "K"),
        new("60311", "Frankfurt am Main", "069", "F"), new("70173", "Stuttgart", "0711", "S"),
        new("40210", "Düsseldorf", "0211", "D"), new("44135", "Dortmund", "0231", "DO"),
        new("45127", "Essen", "0201", "E"), new("28195", "Bremen", "0421", "HB"),
        new("30159", "Hannover", "0511", "H"), new("04109", "Leipzig", "0341", "L"),
        new("01067", "Dresden", "0351", "DD"), new("90402", "Nürnberg", "0911", "N"),
        new("48143", "Münster", "0251", "MS"), new("53111", "Bonn", "0228", "BN"),
        new("68161", "Mannheim", "0621", "MA"), new("76133", "Karlsruhe", "0721", "KA"),
        new("79098", "Freiburg im Breisgau", "0761", "FR"), new("55116", "Mainz", "06131", "MZ"),
        new("65183", "Wiesbaden", "0611", "WI"), new("24103", "Kiel", "0431", "KI"),
        new("23552", "Lübeck", "0451", "HL"), new("18055", "Rostock", "0381", "HRO"),
        new("39104", "Magdeburg", "0391", "MD"), new("06108", "Halle (Saale)", "0345", "HAL"),
        new("38100", "Braunschweig", "0531", "BS"), new("37073", "Göttingen", "0551", "GÖ"),
        new("49074", "Osnabrück", "0541", "OS"), new("32423", "Minden", "0571", "MI"),
        new("57072", "Siegen", "0271", "SI"), new("58095", "Hagen", "02331", "HA"),
        new("42651", "Solingen", "0212", "SG"), new("42853", "Remscheid", "02191", "RS"),
        new("36037", "Fulda", "0661", "FD"), new("35037", "Marburg", "06421", "MR"),
        new("93047", "Regensburg", "0941", "R"), new("86150", "Augsburg", "0821", "A"),
        new("94032", "Passau", "0851", "PA"), new("88212", "Ravensburg", "0751", "RV"),
        new("72070", "Tübingen", "07071", "TÜ"), new("66111", "Saarbrücken", "0681", "SB"),
        new("54290", "Trier", "0651", "TR"), new("56068", "Koblenz", "0261", "KO"),
        new("07743", "Jena", "03641", "J"), new("99423", "Weimar", "03643", "WE"),
        new("08056", "Zwickau", "0375", "Z"), new("09111", "Chemnitz", "0371", "C"),
        new("03046", "Cottbus", "0355", "CB"), new("17489", "Greifswald", "03834", "HGW"),
        new("25813", "Husum", "04841", "NF"), new("26721", "Emden", "04921", "EMD"),
        new("27568", "Bremerhaven", "0471", "HB"), new("21335", "Lüneburg", "04131", "LG"),
        new("31134", "Hildesheim", "05121", "HI"), new("33098", "Paderborn", "05251", "PB"),
        new("59065", "Hamm", "02381", "HAM"), new("46045", "Oberhausen", "0208", "OB"),
        new("47051", "Duisburg", "0203", "DU"), new("41061", "Mönchengladbach", "02161", "MG"),
        new("52062", "Aachen", "0241", "AC"), new("51373", "Leverkusen", "0214", "LEV"),
    ];

    /// <summary>The city administrations the letters are addressed to.</summary>
    public static readonly CityHall[] CityHalls =
    [
        new("Wuppertal", "Johannes-Rau-Platz 1", "42275", "0202", "W", ["42103", "42105", "42275", "42285", "42389"],
            ["Elberfeld", "Barmen", "Vohwinkel", "Ronsdorf", "Cronenberg"], "Elberfeld"),
        new("Kassel", "Obere Königsstraße 8", "34117", "0561", "KS", ["34117", "34119", "34125", "34131", "34134"],
            ["Wehlheiden", "Bettenhausen", "Harleshausen", "Nordstadt", "Vorderer Westen"], "Kassel"),
        new("Bielefeld", "Niederwall 23", "33602", "0521", "BI", ["33602", "33604", "33611", "33615", "33649"],
            ["Schildesche", "Brackwede", "Sennestadt", "Heepen", "Jöllenbeck"], "Bielefeld"),
        new("Erfurt", "Fischmarkt 1", "99084", "0361", "EF", ["99084", "99085", "99089", "99092", "99096"],
            ["Altstadt", "Krämpfervorstadt", "Löbervorstadt", "Brühlervorstadt", "Ilversgehofen"], "Erfurt"),
        new("Ulm", "Marktplatz 1", "89073", "0731", "UL", ["89073", "89075", "89077", "89079", "89081"],
            ["Söflingen", "Wiblingen", "Böfingen", "Eselsberg", "Weststadt"], "Ulm"),
        new("Oldenburg", "Markt 1", "26122", "0441", "OL", ["26121", "26122", "26123", "26129", "26135"],
            ["Eversten", "Bürgerfelde", "Donnerschwee", "Kreyenbrück", "Osternburg"], "Oldenburg"),
        new("Potsdam", "Friedrich-Ebert-Straße 79/81", "14469", "0331", "P", ["14467", "14469", "14471", "14473", "14482"],
            ["Babelsberg", "Bornstedt", "Potsdam West", "Drewitz", "Golm"], "Potsdam"),
        new("Würzburg", "Rückermainhof", "97070", "0931", "WÜ", ["97070", "97072", "97074", "97076", "97080"],
            ["Sanderau", "Frauenland", "Zellerau", "Heidingsfeld", "Grombühl"], "Würzburg"),
        new("Hagen", "Rathausstraße 11", "58095", "02331", "HA", ["58089", "58093", "58095", "58097", "58099"],
            ["Haspe", "Hohenlimburg", "Eilpe", "Boele", "Wehringhausen"], "Hagen"),
        new("Göttingen", "Hiroshimaplatz 1-4", "37083", "0551", "GÖ", ["37073", "37075", "37077", "37079", "37083"],
            ["Weende", "Grone", "Geismar", "Nikolausberg", "Holtenser Berg"], "Göttingen"),
    ];

    public static readonly Bank[] Banks =
    [
        new("Stadtsparkasse Wuppertal", "33050000", "WUPSDE33XXX"),
        new("Kasseler Sparkasse", "52050353", "HELADEF1KAS"),
        new("Sparkasse Bielefeld", "48050161", "SPBIDE3BXXX"),
        new("Sparkasse Mittelthüringen", "82051000", "HELADEF1WEM"),
        new("Sparkasse Ulm", "63050000", "SOLADES1ULM"),
        new("Landessparkasse zu Oldenburg", "28050100", "SLZODE22XXX"),
        new("Mittelbrandenburgische Sparkasse", "16050000", "WELADED1PMB"),
        new("Commerzbank", "37040044", "COBADEFFXXX"),
        new("Deutsche Bank", "10070000", "DEUTDEBBXXX"),
        new("Postbank", "44010046", "PBNKDEFFXXX"),
        new("GLS Gemeinschaftsbank", "43060967", "GENODEM1GLS"),
        new("Volksbank Mittelhessen", "51390000", "VBMHDE5FXXX"),
        new("Berliner Sparkasse", "10050000", "BELADEBEXXX"),
        new("Hamburger Sparkasse", "20050550", "HASPDEHHXXX"),
        new("Stadtsparkasse München", "70150000", "SSKMDEMMXXX"),
        new("Sparkasse KölnBonn", "37050198", "COLSDE33XXX"),
    ];

    public static readonly string[] Months =
        ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"];

    public static readonly string[] AcademicTitles = ["Dr.", "Dr.", "Prof. Dr.", "Dipl.-Ing.", "Dr. med."];
}
