/** Closed word lists shared by the detectors (German and English). */

function set(words: string): Set<string> {
  return new Set(words.split(/\s+/).filter(Boolean));
}

/** Month names and their abbreviations → month number. */
export const MONTH_NUMBERS: ReadonlyMap<string, number> = new Map(
  (
    [
      ['Januar Jänner January Jan', 1], ['Februar Feber February Feb', 2], ['März Maerz March Mär Mar', 3],
      ['April Apr', 4], ['Mai May', 5], ['Juni June Jun', 6], ['Juli July Jul', 7], ['August Aug', 8],
      ['September Sept Sep', 9], ['Oktober October Okt Oct', 10], ['November Nov', 11], ['Dezember December Dez Dec', 12],
    ] as [string, number][]
  ).flatMap(([names, n]) => names.split(' ').map((name) => [name, n] as [string, number])),
);
export const MONTHS: ReadonlySet<string> = new Set(MONTH_NUMBERS.keys());

export const WEEKDAYS = set(
  'Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag Sonnabend Monday Tuesday Wednesday Thursday Friday Saturday Sunday',
);

/** Cardinal number words → value. German compounds ("fünfundzwanzig") are composed in numberWords.ts. */
export const CARDINALS: ReadonlyMap<string, number> = new Map([
  ['null', 0], ['eins', 1], ['zwei', 2], ['drei', 3], ['vier', 4], ['fünf', 5], ['sechs', 6], ['sieben', 7],
  ['acht', 8], ['neun', 9], ['zehn', 10], ['elf', 11], ['zwölf', 12], ['dreizehn', 13], ['vierzehn', 14],
  ['fünfzehn', 15], ['sechzehn', 16], ['siebzehn', 17], ['achtzehn', 18], ['neunzehn', 19], ['zwanzig', 20],
  ['dreißig', 30], ['vierzig', 40], ['fünfzig', 50], ['sechzig', 60], ['siebzig', 70], ['achtzig', 80],
  ['neunzig', 90], ['hundert', 100], ['einhundert', 100], ['tausend', 1000], ['eintausend', 1000],
  ['zweier', 2], ['dreier', 3], ['vierer', 4],
  ['zero', 0], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8],
  ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14], ['fifteen', 15],
  ['sixteen', 16], ['seventeen', 17], ['eighteen', 18], ['nineteen', 19], ['twenty', 20], ['thirty', 30],
  ['forty', 40], ['fifty', 50], ['sixty', 60], ['seventy', 70], ['eighty', 80], ['ninety', 90],
  ['hundred', 100], ['thousand', 1000], ['dozen', 12], ['Dutzend', 12],
]);

/** "ein", "one" and friends: a number only next to a scale word, a unit, a currency or Prozent. */
export const ONE_WORDS = set('ein eine einer einen einem eines one a an');

/** Ordinals → position. */
export const ORDINALS: ReadonlyMap<string, number> = new Map(
  (
    [
      ['erste ersten erster erstes first', 1], ['zweite zweiten zweiter zweites second', 2],
      ['dritte dritten dritter drittes third', 3], ['vierte vierten vierter viertes fourth', 4],
      ['fünfte fünften fünfter fünftes fifth', 5], ['sechste sechsten sechster sechstes sixth', 6],
      ['siebte siebten siebter siebtes seventh', 7], ['achte achten achter achtes eighth', 8],
      ['neunte neunten neunter neuntes ninth', 9], ['zehnte zehnten zehnter zehntes tenth', 10],
      ['letzte letzten letzter letztes last', -1],
    ] as [string, number][]
  ).flatMap(([names, n]) => names.split(' ').map((name) => [name, n] as [string, number])),
);

/** Scale words → factor. German "Billion" is 10^12, English "billion" 10^9: keyed by language. */
export const SCALES_DE: ReadonlyMap<string, number> = new Map([
  ['Tausend', 1e3], ['Tsd', 1e3], ['Mio', 1e6], ['Million', 1e6], ['Millionen', 1e6], ['Mrd', 1e9],
  ['Milliarde', 1e9], ['Milliarden', 1e9], ['Bio', 1e12], ['Billion', 1e12], ['Billionen', 1e12],
  ['Billiarde', 1e15], ['Billiarden', 1e15],
]);
export const SCALES_EN: ReadonlyMap<string, number> = new Map([
  ['thousand', 1e3], ['million', 1e6], ['millions', 1e6], ['billion', 1e9], ['billions', 1e9],
  ['trillion', 1e12], ['trillions', 1e12], ['mn', 1e6], ['bn', 1e9], ['tn', 1e12], ['mln', 1e6], ['bln', 1e9],
]);
/** Letters glued to a figure: "128K", "3B", "$10B", "5M". */
export const SCALE_SUFFIXES: ReadonlyMap<string, number> = new Map([
  ['K', 1e3], ['k', 1e3], ['M', 1e6], ['Mio', 1e6], ['B', 1e9], ['Mrd', 1e9], ['bn', 1e9], ['T', 1e12], ['tn', 1e12],
]);

/** Currency words and symbols → ISO 4217. */
export const CURRENCY_WORDS: ReadonlyMap<string, string> = new Map([
  ['Dollar', 'USD'], ['Dollars', 'USD'], ['dollar', 'USD'], ['dollars', 'USD'], ['US-Dollar', 'USD'],
  ['USD', 'USD'], ['Euro', 'EUR'], ['Euros', 'EUR'], ['euro', 'EUR'], ['euros', 'EUR'], ['EUR', 'EUR'],
  ['Cent', 'USD'], ['cents', 'USD'], ['cent', 'USD'], ['Pfund', 'GBP'], ['pounds', 'GBP'], ['pound', 'GBP'],
  ['GBP', 'GBP'], ['Yen', 'JPY'], ['yen', 'JPY'], ['JPY', 'JPY'], ['Yuan', 'CNY'], ['yuan', 'CNY'],
  ['Renminbi', 'CNY'], ['renminbi', 'CNY'], ['RMB', 'CNY'], ['CNY', 'CNY'], ['Franken', 'CHF'], ['CHF', 'CHF'],
  ['Won', 'KRW'], ['won', 'KRW'], ['KRW', 'KRW'], ['Rupien', 'INR'], ['rupees', 'INR'], ['INR', 'INR'],
  ['HKD', 'HKD'], ['Hongkong-Dollar', 'HKD'], ['Taiwan-Dollar', 'TWD'], ['NT', 'TWD'], ['TWD', 'TWD'],
  ['Kronen', 'SEK'], ['Rubel', 'RUB'], ['roubles', 'RUB'], ['rubles', 'RUB'], ['Dirham', 'AED'], ['AED', 'AED'],
  ['Riyal', 'SAR'], ['SAR', 'SAR'], ['CAD', 'CAD'], ['AUD', 'AUD'],
]);
export const CURRENCY_SYMBOLS: ReadonlyMap<string, string> = new Map([
  ['$', 'USD'], ['€', 'EUR'], ['£', 'GBP'], ['¥', 'JPY'], ['₹', 'INR'], ['₩', 'KRW'], ['₽', 'RUB'], ['元', 'CNY'],
]);

/** Units of measure → canonical unit. Counted nouns ("Token", "GPUs", "Mitarbeiter") are not units. */
export const UNITS: ReadonlyMap<string, string> = new Map(
  (
    [
      ['Sekunde Sekunden second seconds Sek sec secs', 'second'], ['Minute Minuten minute minutes Min min mins', 'minute'],
      ['Stunde Stunden hour hours Std h', 'hour'], ['Tag Tage Tagen Tages day days', 'day'],
      ['Woche Wochen week weeks', 'week'], ['Monat Monate Monaten Monats month months', 'month'],
      ['Quartal Quartale quarter quarters', 'quarter'], ['Jahr Jahre Jahren Jahres year years', 'year'],
      ['Jahrzehnt Jahrzehnte Jahrzehnten decade decades', 'decade'], ['Jahrhundert Jahrhunderte Jahrhunderten century centuries', 'century'],
      ['Bit Byte Bytes', 'byte'], ['KB kB Kilobyte kilobytes', 'KB'], ['MB Megabyte megabytes', 'MB'], ['GB Gigabyte gigabytes', 'GB'],
      ['TB Terabyte terabytes', 'TB'], ['PB Petabyte petabytes', 'PB'], ['EB Exabyte exabytes', 'EB'], ['ZB Zettabyte zettabytes', 'ZB'],
      ['Gbit Gbps', 'Gbit'], ['Mbit Mbps', 'Mbit'],
      ['FLOPS FLOP Flops flops', 'FLOPS'], ['TFLOPS Teraflops teraflops Teraflop teraflop', 'TFLOPS'], ['PFLOPS Petaflops petaflops Petaflop petaflop', 'PFLOPS'],
      ['EFLOPS Exaflops exaflops Exaflop exaflop', 'EFLOPS'], ['TOPS', 'TOPS'],
      ['W Watt watts', 'W'], ['kW Kilowatt kilowatts', 'kW'], ['MW Megawatt megawatts', 'MW'], ['GW Gigawatt gigawatts', 'GW'],
      ['TW Terawatt terawatts', 'TW'], ['kWh Kilowattstunden', 'kWh'], ['MWh Megawattstunden', 'MWh'], ['GWh Gigawattstunden', 'GWh'],
      ['TWh Terawattstunden', 'TWh'], ['GHz', 'GHz'], ['MHz', 'MHz'],
      ['nm Nanometer Nanometern nanometers nanometer nanometres', 'nm'], ['mm Millimeter Millimetern', 'mm'], ['cm Zentimeter Zentimetern', 'cm'],
      ['m Meter Metern meters metres', 'm'],
      ['km Kilometer Kilometern kilometers kilometres', 'km'], ['Meilen miles mile', 'mile'],
      ['Quadratmeter Quadratmetern qm m²', 'm²'], ['Quadratkilometer km²', 'km²'], ['Hektar hectares', 'ha'], ['acres acre', 'acre'],
      ['g Gramm grams', 'g'], ['kg Kilogramm kilograms', 'kg'], ['t Tonnen tons tonnes', 't'],
      ['Grad degrees', 'degree'], ['Punkte Punkten Punkt Zähler points', 'points'],
      ['Prozentpunkte Prozentpunkten percentage-points', 'pp'], ['Basispunkte Basispunkten bps', 'bp'],
      ['Zoll inches inch', 'inch'], ['Fuß feet foot', 'ft'], ['yards yard', 'yd'],
      ['Liter Litern liters litres liter litre', 'l'], ['Milliliter ml', 'ml'], ['Hektoliter', 'hl'], ['Kubikmeter Kubikmetern m³', 'm³'],
      ['gallons gallon', 'gal'], ['PS hp horsepower', 'hp'], ['Newtonmeter Newtonmetern Nm', 'Nm'], ['mAh Milliamperestunden', 'mAh'],
      ['mph', 'mph'], ['Stundenkilometer Stundenkilometern', 'km/h'], ['Celsius', '°C'], ['Fahrenheit', '°F'], ['Kalorien Kilokalorien kcal calories', 'kcal'],
    ] as [string, string][]
  ).flatMap(([names, unit]) => names.split(' ').map((name) => [name, unit] as [string, string])),
);

/** Units that measure time: "sechs Monaten", "beiden Jahren", "vier Wochen". */
export const TIME_UNITS = set(
  'Sekunde Sekunden Minute Minuten Stunde Stunden Tag Tage Tagen Woche Wochen Monat Monate Monaten Quartal Quartale Jahr Jahre Jahren Jahrzehnt Jahrzehnte Jahrzehnten Jahrhundert Jahrhunderte Jahrhunderten second seconds minute minutes hour hours day days week weeks month months quarter quarters year years decade decades century centuries',
);

/** Frames of a rank: "Platz drei", "Top 10", "No. 1". */
export const RANK_FRAMES = set('Platz Rang Position Top top No Nr Number Nummer');

/** German and English function words that are capitalised at the start of a sentence. */
export const FUNCTION_WORDS = set(`
der die das den dem des ein eine einer einen einem eines und oder aber doch wenn als wie was wer wo warum weil dass da dies diese dieser dieses diesen diesem jede jeder jedes jeden es er sie wir ihr ich man mit von vom zu zum zur in im auf aus bei beim nach vor über unter für gegen ohne um an am bis seit trotz während laut auch nur noch schon so dann damit daher deshalb zudem außerdem allerdings jedoch nun hier dort heute gestern morgen bereits zwar kein keine keinen alle allen viele vielen einige mehr weniger nicht neben dabei darüber hinzu ob sogar erst inzwischen gleichzeitig zunächst anders besonders insgesamt ihre ihren ihrem seine seinen seinem sein unser unsere mein meine wie welche welcher welches solche solchen somit denn sowie sowohl weder noch statt anstatt etwa rund knapp fast mehrere manche jetzt immer bald kurz zuletzt zuvor danach davor deren dessen beide beiden
the a an and or but if as when while what who where why because that this these those it its he she we they you i his her their our my your with of from to in on at by for about against without into over under after before since during per via than then so also only even just still already yet not no nor all any some many more most much such both each every other another there here today yesterday tomorrow now how which whose whom been being be is are was were has have had do does did will would can could may might shall should must according however meanwhile moreover furthermore instead although though unless until whether
`);

/** Demonyms, adjectives of origin and language names: never entities. */
export const DEMONYMS = set(`
Chinese American Americans German Germans European Europeans French British English Japanese Korean Indian Russian Taiwanese Israeli Canadian Dutch Swiss Italian Spanish Arab Arabic Emirati Saudi Western Eastern Asian African Australian Mandarin Cantonese Western Nordic Latin Asian-American Sino-American Polish Swedish Finnish Irish Scottish Brazilian Mexican Turkish Iranian Ukrainian Vietnamese Singaporean
Chinesisch Chinesische Chinesischen Chinesischer Amerikanisch Amerikanische Amerikanischen Deutsch Deutsche Deutschen Deutscher Europäisch Europäische Europäischen Englisch Englische Englischen Französisch Französische Britische Britischen Japanisch Japanische Koreanisch Koreanische Indisch Indische Russisch Russische Taiwanisch Taiwanische Westlich Westliche Westlichen Asiatisch Asiatische Asiatischen US-amerikanisch US-amerikanische US-amerikanischen US-Amerikaner Amerikaner Chinesen Europäer Deutscher Franzosen Briten Japaner Koreaner Inder Russen Taiwaner
`);
