import type { FieldGroupName, Language } from '@octroi/contracts';

type Label = { en: string; fr: string };

export const GROUP_LABELS: Record<FieldGroupName, Label> = {
  identity: { en: 'Identity', fr: 'Identité' },
  family: { en: 'Family', fr: 'Famille' },
  income_credit: { en: 'Income and credit', fr: 'Revenus et crédit' },
  employment: { en: 'Employment', fr: 'Emploi' },
  housing: { en: 'Housing', fr: 'Logement' },
  external_scores: { en: 'External scores', fr: 'Scores externes' },
  documents: { en: 'Documents', fr: 'Documents' },
  contact: { en: 'Contact', fr: 'Contact' },
  other: { en: 'Other', fr: 'Autres' },
};

/** The order a credit officer reads an application in. */
export const GROUP_ORDER: readonly FieldGroupName[] = [
  'identity',
  'family',
  'income_credit',
  'employment',
  'housing',
  'external_scores',
  'documents',
  'contact',
  'other',
];

const FIELD_LABELS: Record<string, Label> = {
  NAME_CONTRACT_TYPE: { en: 'Contract type', fr: 'Type de contrat' },
  CODE_GENDER: { en: 'Gender', fr: 'Genre' },
  FLAG_OWN_CAR: { en: 'Owns a car', fr: 'Possède une voiture' },
  FLAG_OWN_REALTY: { en: 'Owns real estate', fr: 'Propriétaire immobilier' },
  CNT_CHILDREN: { en: 'Children', fr: "Nombre d'enfants" },
  AMT_INCOME_TOTAL: { en: 'Total income', fr: 'Revenu total' },
  AMT_CREDIT: { en: 'Amount of the loan', fr: 'Montant du prêt' },
  AMT_ANNUITY: { en: 'Yearly repayment', fr: 'Remboursement annuel' },
  AMT_GOODS_PRICE: { en: 'Price of the goods financed', fr: 'Prix du bien financé' },
  NAME_TYPE_SUITE: { en: 'Accompanied by', fr: 'Accompagné de' },
  NAME_INCOME_TYPE: { en: 'Income type', fr: 'Type de revenu' },
  NAME_EDUCATION_TYPE: { en: 'Education', fr: "Niveau d'études" },
  NAME_FAMILY_STATUS: { en: 'Family status', fr: 'Situation familiale' },
  NAME_HOUSING_TYPE: { en: 'Housing situation', fr: 'Situation de logement' },
  REGION_POPULATION_RELATIVE: { en: 'Population of the region (relative)', fr: 'Population de la région (relative)' },
  DAYS_BIRTH: { en: 'Age', fr: 'Âge' },
  DAYS_EMPLOYED: { en: 'Employed since (days)', fr: 'En emploi depuis (jours)' },
  DAYS_REGISTRATION: { en: 'Registration changed (days ago)', fr: 'Changement de domiciliation (jours)' },
  DAYS_ID_PUBLISH: { en: 'Identity document changed (days ago)', fr: "Pièce d'identité renouvelée (jours)" },
  OWN_CAR_AGE: { en: 'Age of the car', fr: 'Âge de la voiture' },
  FLAG_MOBIL: { en: 'Mobile phone given', fr: 'Téléphone mobile fourni' },
  FLAG_EMP_PHONE: { en: 'Work phone given', fr: 'Téléphone professionnel fourni' },
  FLAG_WORK_PHONE: { en: 'Home phone given', fr: 'Téléphone fixe fourni' },
  FLAG_CONT_MOBILE: { en: 'Mobile phone reachable', fr: 'Mobile joignable' },
  FLAG_PHONE: { en: 'Phone given', fr: 'Téléphone fourni' },
  FLAG_EMAIL: { en: 'E-mail given', fr: 'E-mail fourni' },
  OCCUPATION_TYPE: { en: 'Occupation', fr: 'Profession' },
  CNT_FAM_MEMBERS: { en: 'Family members', fr: 'Membres de la famille' },
  REGION_RATING_CLIENT: { en: 'Region rating', fr: 'Note de la région' },
  REGION_RATING_CLIENT_W_CITY: { en: 'Region and city rating', fr: 'Note de la région et de la ville' },
  WEEKDAY_APPR_PROCESS_START: { en: 'Weekday of application', fr: 'Jour de la demande' },
  HOUR_APPR_PROCESS_START: { en: 'Hour of application', fr: 'Heure de la demande' },
  REG_REGION_NOT_LIVE_REGION: { en: 'Lives outside registered region', fr: 'Vit hors de sa région déclarée' },
  REG_REGION_NOT_WORK_REGION: { en: 'Works outside registered region', fr: 'Travaille hors de sa région déclarée' },
  LIVE_REGION_NOT_WORK_REGION: { en: 'Works outside home region', fr: 'Travaille hors de sa région de résidence' },
  REG_CITY_NOT_LIVE_CITY: { en: 'Lives outside registered city', fr: 'Vit hors de sa ville déclarée' },
  REG_CITY_NOT_WORK_CITY: { en: 'Works outside registered city', fr: 'Travaille hors de sa ville déclarée' },
  LIVE_CITY_NOT_WORK_CITY: { en: 'Works outside home city', fr: 'Travaille hors de sa ville de résidence' },
  ORGANIZATION_TYPE: { en: 'Employer type', fr: "Type d'employeur" },
  EXT_SOURCE_1: { en: 'External score 1', fr: 'Score externe 1' },
  EXT_SOURCE_2: { en: 'External score 2', fr: 'Score externe 2' },
  EXT_SOURCE_3: { en: 'External score 3', fr: 'Score externe 3' },
  FONDKAPREMONT_MODE: { en: 'Building repair fund', fr: 'Fonds de rénovation du bâtiment' },
  HOUSETYPE_MODE: { en: 'House type', fr: "Type d'habitation" },
  TOTALAREA_MODE: { en: 'Total area of the building', fr: 'Surface totale du bâtiment' },
  WALLSMATERIAL_MODE: { en: 'Wall material', fr: 'Matériau des murs' },
  EMERGENCYSTATE_MODE: { en: 'Building in emergency state', fr: "Bâtiment en état d'urgence" },
  DAYS_LAST_PHONE_CHANGE: { en: 'Phone changed (days ago)', fr: 'Changement de téléphone (jours)' },
};

const BUILDING_MEASURES: Record<string, Label> = {
  APARTMENTS: { en: 'apartments', fr: 'appartements' },
  BASEMENTAREA: { en: 'basement area', fr: 'surface du sous-sol' },
  YEARS_BEGINEXPLUATATION: { en: 'years in use', fr: "années d'exploitation" },
  YEARS_BUILD: { en: 'building age', fr: 'âge du bâtiment' },
  COMMONAREA: { en: 'common area', fr: 'parties communes' },
  ELEVATORS: { en: 'elevators', fr: 'ascenseurs' },
  ENTRANCES: { en: 'entrances', fr: 'entrées' },
  FLOORSMAX: { en: 'highest floor', fr: 'étage le plus haut' },
  FLOORSMIN: { en: 'lowest floor', fr: 'étage le plus bas' },
  LANDAREA: { en: 'land area', fr: 'surface du terrain' },
  LIVINGAPARTMENTS: { en: 'living apartments', fr: 'logements habités' },
  LIVINGAREA: { en: 'living area', fr: 'surface habitable' },
  NONLIVINGAPARTMENTS: { en: 'non-living apartments', fr: 'locaux non habités' },
  NONLIVINGAREA: { en: 'non-living area', fr: 'surface non habitable' },
};

const STATISTICS: Record<string, Label> = {
  AVG: { en: 'average', fr: 'moyenne' },
  MODE: { en: 'mode', fr: 'mode' },
  MEDI: { en: 'median', fr: 'médiane' },
};

const BUREAU_PERIODS: Record<string, Label> = {
  HOUR: { en: 'last hour', fr: 'dernière heure' },
  DAY: { en: 'last day', fr: 'dernier jour' },
  WEEK: { en: 'last week', fr: 'dernière semaine' },
  MON: { en: 'last month', fr: 'dernier mois' },
  QRT: { en: 'last quarter', fr: 'dernier trimestre' },
  YEAR: { en: 'last year', fr: 'dernière année' },
};

/** A readable label for a Home Credit application column; the column name itself when none is known. */
export function fieldLabel(name: string, language: Language): string {
  const label = FIELD_LABELS[name] ?? patternLabel(name);
  return label ? label[language] : name;
}

function patternLabel(name: string): Label | undefined {
  const document = /^FLAG_DOCUMENT_(\d+)$/.exec(name);
  if (document) return { en: `Document ${document[1]} provided`, fr: `Document ${document[1]} fourni` };
  const building = /^([A-Z_]+)_(AVG|MODE|MEDI)$/.exec(name);
  const measure = building && BUILDING_MEASURES[building[1]!];
  const statistic = building && STATISTICS[building[2]!];
  if (measure && statistic)
    return { en: `Building ${measure.en} (${statistic.en})`, fr: `Bâtiment : ${measure.fr} (${statistic.fr})` };
  const bureau = /^AMT_REQ_CREDIT_BUREAU_([A-Z]+)$/.exec(name);
  const period = bureau && BUREAU_PERIODS[bureau[1]!];
  if (period)
    return { en: `Credit bureau enquiries (${period.en})`, fr: `Consultations du bureau de crédit (${period.fr})` };
  const circle = /^(OBS|DEF)_(30|60)_CNT_SOCIAL_CIRCLE$/.exec(name);
  if (circle) {
    return circle[1] === 'OBS'
      ? { en: `Acquaintances ${circle[2]} days past due`, fr: `Proches en retard de ${circle[2]} jours` }
      : { en: `Acquaintances defaulted ${circle[2]} days past due`, fr: `Proches en défaut à ${circle[2]} jours` };
  }
  return undefined;
}

/**
 * The reading group of a column when feature_spec.json gives none, from Home Credit's naming:
 * EXT_SOURCE_*, FLAG_DOCUMENT_*, building statistics *_AVG/_MODE/_MEDI…
 */
export function fallbackGroup(name: string): FieldGroupName {
  if (name.startsWith('EXT_SOURCE_')) return 'external_scores';
  if (name.startsWith('FLAG_DOCUMENT_')) return 'documents';
  if (/^(FLAG_(MOBIL|EMP_PHONE|WORK_PHONE|CONT_MOBILE|PHONE|EMAIL)|DAYS_LAST_PHONE_CHANGE)$/.test(name))
    return 'contact';
  if (/^(CODE_GENDER|DAYS_BIRTH|DAYS_ID_PUBLISH|DAYS_REGISTRATION|NAME_EDUCATION_TYPE)$/.test(name)) return 'identity';
  if (
    /^(CNT_CHILDREN|CNT_FAM_MEMBERS|NAME_FAMILY_STATUS|NAME_TYPE_SUITE)$/.test(name) ||
    name.endsWith('_SOCIAL_CIRCLE')
  )
    return 'family';
  if (name.startsWith('AMT_') || /^(NAME_CONTRACT_TYPE|NAME_INCOME_TYPE)$/.test(name)) return 'income_credit';
  if (/^(DAYS_EMPLOYED|OCCUPATION_TYPE|ORGANIZATION_TYPE)$/.test(name) || name.includes('_WORK_')) return 'employment';
  if (
    /_(AVG|MODE|MEDI)$/.test(name) ||
    /^(NAME_HOUSING_TYPE|FLAG_OWN_REALTY|FLAG_OWN_CAR|OWN_CAR_AGE)$/.test(name) ||
    name.startsWith('REGION_') ||
    name.includes('_LIVE_')
  )
    return 'housing';
  return 'other';
}
