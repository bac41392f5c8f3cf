import type { ExpenseLine, IncomeLine } from '../account-lines.js'
import type { ProductTable, TeilhaushaltTable } from '../db.js'

/**
 * The demo Produktrahmen (docs/data-model.md#demo-data): Haupt-Produktbereiche and Produktbereiche as
 * in the IMK model, the Produktgruppen with their 2025 Ansatz (M€) and local Produkte as leaves.
 * Group numbers follow the IMK numbering [K]; 316 Eingliederungshilfe is state-specific since the
 * BTHG (verify against the current RLP Produktrahmenplan). Leaf names are synthetic [S].
 */

/** 9 institutional Teilhaushalte plus TH 10 "Zentrale Finanzdienstleistungen", which GemHVO § 4 requires. */
export const TEILHAUSHALTE: readonly TeilhaushaltTable[] = [
  ['1', 'Zentrale Steuerung und Verwaltung', 'Referat Personal und Organisation'],
  ['2', 'Recht, Ordnung und Brandschutz', 'Referat Recht und Ordnung'],
  ['3', 'Schulen', 'Referat Schulen'],
  ['4', 'Kultur', 'Referat Kultur'],
  ['5', 'Soziales', 'Referat Soziales'],
  ['6', 'Jugend und Kindertagesstätten', 'Referat Jugend und Sport'],
  ['7', 'Tiefbau und Mobilität', 'Referat Tiefbau'],
  ['8', 'Stadtentwicklung, Umwelt und Wirtschaft', 'Referat Stadtentwicklung'],
  ['9', 'Sport und Gesundheit', 'Referat Jugend und Sport'],
  ['10', 'Zentrale Finanzdienstleistungen', 'Referat Finanzen'],
].map(([code, name, responsible_department]) => ({ code, name, kind: 'institutional', responsible_department }))

export const MAIN_AREAS: Readonly<Record<string, string>> = {
  1: 'Zentrale Verwaltung',
  2: 'Schule und Kultur',
  3: 'Soziales und Jugend',
  4: 'Gesundheit und Sport',
  5: 'Gestaltung der Umwelt',
  6: 'Zentrale Finanzleistungen',
}

export const AREAS: Readonly<Record<string, string>> = {
  11: 'Innere Verwaltung',
  12: 'Sicherheit und Ordnung',
  21: 'Schulträgeraufgaben – allgemeinbildende Schulen',
  22: 'Schulträgeraufgaben – Förderschulen',
  23: 'Schulträgeraufgaben – berufliche Schulen',
  24: 'Schülerbeförderung und sonstige schulische Aufgaben',
  25: 'Wissenschaft, Museen, Zoologische und Botanische Gärten',
  26: 'Theater, Konzerte, Musikpflege',
  27: 'Volkshochschulen, Bibliotheken',
  31: 'Soziale Hilfen',
  36: 'Kinder-, Jugend- und Familienhilfe',
  41: 'Gesundheitsdienste',
  42: 'Sportförderung',
  51: 'Räumliche Planung und Entwicklung',
  52: 'Bauen und Wohnen',
  54: 'Verkehrsflächen und -anlagen, ÖPNV',
  55: 'Natur- und Landschaftspflege',
  56: 'Umweltschutz',
  57: 'Wirtschaft und Tourismus',
  61: 'Allgemeine Finanzwirtschaft',
}

/** Typical split of a product's ordinary expense over the E-lines. */
export type ExpenseMix = 'ADMIN' | 'SCHOOL' | 'CULTURE' | 'SOCIAL' | 'YOUTH' | 'KITA' | 'INFRA' | 'LEVY' | 'INTEREST'

export const EXPENSE_MIX: Readonly<Record<ExpenseMix, Partial<Record<ExpenseLine, number>>>> = {
  ADMIN: { E9: 0.58, E10: 0.22, E11: 0.06, E14: 0.14 },
  SCHOOL: { E9: 0.16, E10: 0.44, E11: 0.26, E12: 0.04, E14: 0.1 },
  CULTURE: { E9: 0.22, E10: 0.12, E11: 0.06, E12: 0.58, E14: 0.02 },
  SOCIAL: { E9: 0.07, E10: 0.03, E13: 0.88, E14: 0.02 },
  YOUTH: { E9: 0.18, E10: 0.04, E12: 0.16, E13: 0.6, E14: 0.02 },
  KITA: { E9: 0.32, E10: 0.08, E11: 0.06, E12: 0.52, E14: 0.02 },
  INFRA: { E9: 0.24, E10: 0.34, E11: 0.36, E12: 0.02, E14: 0.04 },
  LEVY: { E12: 1 },
  INTEREST: { E14: 1 },
}

export interface ProductGroupSpec {
  code: string
  name: string
  teilhaushalt: string
  mix: ExpenseMix
  /** Ordinary expense, Ansatz 2025, M€. */
  expense2025: number
  /** Ordinary income, Ansatz 2025 before the budget-wide calibration, M€. */
  income2025: Partial<Record<IncomeLine, number>>
  /** Level-4 products (code = group code + running digit). */
  products: string[]
}

const g = (
  code: string,
  name: string,
  teilhaushalt: string,
  mix: ExpenseMix,
  expense2025: number,
  income2025: Partial<Record<IncomeLine, number>>,
  products: string[],
): ProductGroupSpec => ({ code, name, teilhaushalt, mix, expense2025, income2025, products })

/** Σ expense2025 = 530 M€ and Σ income ≈ 476 M€ (docs/data-model.md). */
export const PRODUCT_GROUPS: readonly ProductGroupSpec[] = [
  g('111', 'Verwaltungssteuerung und -service', '1', 'ADMIN', 40, { E4: 2, E6: 4 }, [
    'Oberbürgermeister und Stadtvorstand',
    'Rats- und Ausschussangelegenheiten',
    'Informationstechnik',
    'Zentrale Dienste',
  ]),
  g('114', 'Personal- und Organisationsservice', '1', 'ADMIN', 10, {}, ['Personalverwaltung', 'Aus- und Fortbildung']),
  g('115', 'Gebäudemanagement', '1', 'INFRA', 6, { E5: 0.6 }, ['Verwaltungsgebäude', 'Technisches Gebäudemanagement']),
  g('121', 'Statistik und Wahlen', '1', 'ADMIN', 2, { E2: 0.2 }, ['Statistik', 'Wahlen']),
  g('122', 'Ordnungsangelegenheiten', '2', 'ADMIN', 8, { E4: 3, E7: 5 }, [
    'Allgemeine Ordnungsangelegenheiten',
    'Bürgerdienste und Meldewesen',
    'Verkehrsüberwachung',
  ]),
  g('126', 'Brandschutz', '2', 'ADMIN', 12, { E6: 1.5, E2: 0.8 }, ['Berufsfeuerwehr', 'Freiwillige Feuerwehren', 'Katastrophenschutz']),
  g('211', 'Grundschulen', '3', 'SCHOOL', 11, { E2: 1.2 }, [
    'Grundschulen Kernstadt',
    'Grundschulen Ortsbezirke',
    'Betreuende Grundschule',
  ]),
  g('215', 'Realschulen plus', '3', 'SCHOOL', 4, { E2: 0.4 }, ['Kurpfalz-Realschule plus', 'Lina-Pfaff-Realschule plus']),
  g('217', 'Gymnasien', '3', 'SCHOOL', 9, { E2: 0.9 }, ['Städtische Gymnasien', 'Gymnasiale Oberstufe und Ganztag']),
  g('218', 'Gesamtschulen', '3', 'SCHOOL', 6, { E2: 0.7 }, ['IGS Goetheschule', 'IGS Bertha-von-Suttner']),
  g('221', 'Förderschulen', '3', 'SCHOOL', 3, { E6: 0.6 }, ['Förderschulen']),
  g('231', 'Berufliche Schulen', '3', 'SCHOOL', 3, { E6: 0.8 }, ['Berufsbildende Schule I Technik', 'Berufsbildende Schule II Wirtschaft']),
  g('241', 'Schülerbeförderung', '3', 'SCHOOL', 2, { E2: 0.6 }, ['Schülerbeförderung']),
  g('252', 'Museen, Sammlungen, Ausstellungen', '4', 'CULTURE', 2, { E5: 0.2 }, ['Theodor-Zink-Museum', 'Stadtarchiv']),
  g('261', 'Theater', '4', 'CULTURE', 9, { E2: 0.5 }, ['Zuschuss Pfalztheater', 'Kulturveranstaltungen']),
  g('272', 'Volkshochschule und Bibliotheken', '4', 'CULTURE', 3, { E5: 0.4, E2: 0.3 }, ['Stadtbibliothek', 'Volkshochschule']),
  g('311', 'Grundversorgung und Hilfen nach dem SGB XII', '5', 'SOCIAL', 38, { E2: 8, E3: 6 }, [
    'Hilfe zum Lebensunterhalt',
    'Grundsicherung im Alter und bei Erwerbsminderung',
    'Hilfe zur Pflege',
  ]),
  g('312', 'Grundsicherung für Arbeitsuchende nach dem SGB II', '5', 'SOCIAL', 42, { E3: 20 }, [
    'Kosten der Unterkunft und Heizung',
    'Einmalige Leistungen und Bildung und Teilhabe',
  ]),
  g('313', 'Hilfen für Asylbewerber', '5', 'SOCIAL', 12, { E2: 6, E3: 2 }, [
    'Leistungen nach dem AsylbLG',
    'Unterbringung von Asylbegehrenden',
  ]),
  g('316', 'Eingliederungshilfe nach dem SGB IX', '5', 'SOCIAL', 28, { E2: 3, E3: 4 }, [
    'Eingliederungshilfe für Erwachsene',
    'Eingliederungshilfe für Kinder und Jugendliche',
  ]),
  g('361', 'Förderung von Kindern in Tageseinrichtungen und Tagespflege', '6', 'KITA', 40, { E2: 26, E6: 2 }, [
    'Zuschüsse an freie Träger von Kitas',
    'Kindertagespflege',
  ]),
  g('362', 'Jugendarbeit', '6', 'YOUTH', 10, {}, ['Offene Jugendarbeit', 'Jugendsozialarbeit']),
  g('363', 'Sonstige Leistungen der Kinder-, Jugend- und Familienhilfe', '6', 'YOUTH', 55, { E3: 3, E6: 5 }, [
    'Ambulante Hilfen zur Erziehung',
    'Stationäre Hilfen zur Erziehung',
    'Unterhaltsvorschuss',
  ]),
  g('365', 'Tageseinrichtungen für Kinder', '6', 'KITA', 30, { E2: 12, E6: 2 }, ['Städtische Kindertagesstätten', 'Horte']),
  g('414', 'Gesundheitspflege', '9', 'ADMIN', 0.4, {}, ['Gesundheitsförderung']),
  g('421', 'Förderung des Sports', '9', 'CULTURE', 1.6, {}, ['Sportförderung']),
  g('424', 'Sportstätten und Bäder', '9', 'INFRA', 7, { E5: 2 }, ['Sporthallen und Sportplätze', 'Bäder']),
  g('511', 'Räumliche Planung und Entwicklung', '8', 'ADMIN', 6, { E2: 0.4 }, ['Stadtplanung', 'Stadterneuerung und Konversion']),
  g('521', 'Bau- und Grundstücksordnung', '8', 'ADMIN', 5, { E4: 2.5 }, ['Bauaufsicht', 'Vermessung und Geoinformation']),
  g('541', 'Gemeindestraßen', '7', 'INFRA', 28, { E4: 4, E2: 1.3 }, [
    'Gemeindestraßen',
    'Brücken und Ingenieurbauwerke',
    'Straßenbeleuchtung',
  ]),
  g('547', 'Öffentlicher Personennahverkehr', '7', 'LEVY', 18, { E5: 0.6 }, ['Zuschuss ÖPNV', 'Nahverkehrsplanung']),
  g('551', 'Öffentliches Grün, Landschaftsbau', '8', 'INFRA', 9, {}, ['Grünanlagen und Spielplätze', 'Friedhöfe', 'Stadtwald']),
  g('561', 'Umweltschutzmaßnahmen', '8', 'ADMIN', 2, { E2: 0.3 }, ['Klimaschutz', 'Umweltschutz']),
  g('571', 'Wirtschaftsförderung', '8', 'ADMIN', 4, {}, ['Wirtschaftsförderung', 'Stadtmarketing']),
  g('611', 'Steuern, allgemeine Zuweisungen, allgemeine Umlagen', '10', 'LEVY', 22, { E1: 190, E2: 148.8 }, [
    'Realsteuern und Gemeindeanteile',
    'Allgemeine Zuweisungen und Umlagen',
  ]),
  g('612', 'Sonstige allgemeine Finanzwirtschaft', '10', 'INTEREST', 42, { E7: 8.7 }, [
    'Zinsen und Kreditbeschaffung',
    'Beteiligungen und Konzessionsabgaben',
  ]),
]

/** The catalog as `fin.product` rows; a Produktbereich or HPB gets a Teilhaushalt only when all its groups share one. */
export function productRows(): ProductTable[] {
  const rows: ProductTable[] = []
  const thOf = (prefix: string) => {
    const ths = new Set(PRODUCT_GROUPS.filter(g => g.code.startsWith(prefix)).map(g => g.teilhaushalt))
    return ths.size === 1 ? [...ths][0] : null
  }
  for (const [code, name] of Object.entries(MAIN_AREAS))
    rows.push({ code, level: 1, parent_code: null, name, teilhaushalt_code: thOf(code) })
  for (const [code, name] of Object.entries(AREAS)) rows.push({ code, level: 2, parent_code: code[0], name, teilhaushalt_code: thOf(code) })
  for (const group of PRODUCT_GROUPS) {
    rows.push({ code: group.code, level: 3, parent_code: group.code.slice(0, 2), name: group.name, teilhaushalt_code: group.teilhaushalt })
    group.products.forEach((name, i) =>
      rows.push({ code: leafCode(group, i), level: 4, parent_code: group.code, name, teilhaushalt_code: group.teilhaushalt }),
    )
  }
  return rows
}

export const leafCode = (group: ProductGroupSpec, index: number) => `${group.code}${index + 1}`
