/**
 * Labels and help texts of the report template's fields, in English and French. The web app loads
 * them into i18next under the keys the template names; the report renderer reads the English ones.
 */
type Texts = Record<string, { label: string; help: string }>;

const en: Texts = {
  'A1.comments': {
    label: 'Comments on the meetings',
    help: 'The meetings recorded for this network are listed above. Add what they do not say: outcomes, follow-up.',
  },
  'A2.text': {
    label: 'Exchange of information and practice',
    help: 'How the ILOs shared information and good practice this semester, and with what results.',
  },
  'A3.comments': {
    label: 'Comments on coordination with carriers',
    help: 'The positions coordinated towards commercial carriers are listed above. Add their effect on boarding decisions.',
  },
  'A4.comments': {
    label: 'Comments on training',
    help: 'Joint training attended and training given to consular staff are listed above. Add needs and feedback.',
  },
  'A5.text': {
    label: 'Common approaches',
    help: 'Approaches the network adopted for gathering and reporting information.',
  },
  'A6.comments': {
    label: 'Comments on contacts',
    help: 'Contacts with the host country, neighbouring networks and international organisations are listed above.',
  },
  'A7.comments': {
    label: 'Comments on arrangements',
    help: 'Representation and task-sharing arrangements in force are listed above (Article 5).',
  },
  'A8.text': {
    label: "Asylum seekers' access to protection",
    help: 'Where appropriate: experience exchanged on access to international protection.',
  },
  'A9.text': {
    label: 'Difficulties and recommendations',
    help: 'Obstacles met by the network and what would help.',
  },
  'B1.flows': {
    label: 'Flows',
    help: 'One row per nationality: whether the host country is the origin or a transit country, an estimated volume and the trend.',
  },
  'B1.text': {
    label: 'Assessment of the flows',
    help: 'Irregular migration flows originating from or transiting the host country. No personal data.',
  },
  'B2.routes': {
    label: 'Routes',
    help: 'One row per route: from, via, to, the mode of transport and the trend.',
  },
  'B2.text': { label: 'Assessment of the routes', help: 'The routes used by the flows described above.' },
  'B3.text': {
    label: 'Smuggling organisations and methods',
    help: 'Criminal organisations involved in smuggling migrants, and their modus operandi. No personal data.',
  },
  'B4.text': {
    label: 'Incidents, factors and trends',
    help: 'Events that may lead to new developments in irregular migration.',
  },
  'B5.fraud': {
    label: 'Document fraud cases',
    help: 'One row per kind of fraud: document type, issuing country, type of fraud and number of cases.',
  },
  'B5.text': {
    label: 'Assessment of document fraud',
    help: 'Methods of falsifying identity and travel documents.',
  },
  'B6.text': {
    label: 'Assistance to the host authorities',
    help: 'Ways in which the host authorities were helped to prevent irregular migration flows.',
  },
  'B7.text': {
    label: 'Return and readmission',
    help: 'Ways in which the return of irregular migrants was facilitated.',
  },
  'C.personsNotBoarded': {
    label: 'Persons not boarded after ILO advice to carriers',
    help: 'A whole number; 0 if none.',
  },
  'C.fraudulentDocuments': {
    label: 'Fraudulent documents detected with ILO involvement',
    help: 'A whole number; 0 if none.',
  },
  'C.returnsFacilitated': { label: 'Returns facilitated', help: 'A whole number; 0 if none.' },
  'C.trainingSessions': {
    label: 'Training sessions',
    help: 'The training recorded for this network this semester.',
  },
  'C.trainingParticipants': {
    label: 'Training participants',
    help: 'Participants in the sessions above; change the records’ total if it does not fit your ILOs’ part.',
  },
  'C.meetings': {
    label: 'Meetings',
    help: 'The network meetings recorded this semester that your state attended.',
  },
};

const fr: Texts = {
  'A1.comments': {
    label: 'Commentaires sur les réunions',
    help: 'Les réunions enregistrées pour ce réseau figurent ci-dessus. Ajoutez ce qu’elles ne disent pas : résultats, suites.',
  },
  'A2.text': {
    label: 'Échange d’informations et de pratiques',
    help: 'Comment les officiers de liaison ont partagé informations et bonnes pratiques ce semestre, et avec quels résultats.',
  },
  'A3.comments': {
    label: 'Commentaires sur la coordination avec les transporteurs',
    help: 'Les positions coordonnées envers les transporteurs commerciaux figurent ci-dessus. Ajoutez leur effet sur l’embarquement.',
  },
  'A4.comments': {
    label: 'Commentaires sur la formation',
    help: 'Les formations communes suivies et les formations données au personnel consulaire figurent ci-dessus. Ajoutez besoins et retours.',
  },
  'A5.text': {
    label: 'Approches communes',
    help: 'Approches adoptées par le réseau pour collecter et communiquer les informations.',
  },
  'A6.comments': {
    label: 'Commentaires sur les contacts',
    help: 'Les contacts avec le pays hôte, les réseaux voisins et les organisations internationales figurent ci-dessus.',
  },
  'A7.comments': {
    label: 'Commentaires sur les arrangements',
    help: 'Les arrangements de représentation et de partage des tâches en vigueur figurent ci-dessus (article 5).',
  },
  'A8.text': {
    label: 'Accès des demandeurs d’asile à la protection',
    help: 'Le cas échéant : expériences échangées sur l’accès à la protection internationale.',
  },
  'A9.text': {
    label: 'Difficultés et recommandations',
    help: 'Obstacles rencontrés par le réseau et ce qui aiderait.',
  },
  'B1.flows': {
    label: 'Flux',
    help: 'Une ligne par nationalité : pays d’origine ou de transit, volume estimé et tendance.',
  },
  'B1.text': {
    label: 'Évaluation des flux',
    help: 'Flux de migration irrégulière en provenance ou en transit du pays hôte. Aucune donnée personnelle.',
  },
  'B2.routes': {
    label: 'Itinéraires',
    help: 'Une ligne par itinéraire : départ, transit, arrivée, mode de transport et tendance.',
  },
  'B2.text': {
    label: 'Évaluation des itinéraires',
    help: 'Les itinéraires empruntés par les flux décrits ci-dessus.',
  },
  'B3.text': {
    label: 'Organisations de passeurs et méthodes',
    help: 'Organisations criminelles impliquées dans le trafic de migrants et leur mode opératoire. Aucune donnée personnelle.',
  },
  'B4.text': {
    label: 'Incidents, facteurs et tendances',
    help: 'Événements susceptibles d’entraîner de nouvelles évolutions de la migration irrégulière.',
  },
  'B5.fraud': {
    label: 'Cas de fraude documentaire',
    help: 'Une ligne par type de fraude : type de document, pays de délivrance, type de fraude et nombre de cas.',
  },
  'B5.text': {
    label: 'Évaluation de la fraude documentaire',
    help: 'Méthodes de falsification des documents d’identité et de voyage.',
  },
  'B6.text': {
    label: 'Assistance aux autorités du pays hôte',
    help: 'Comment les autorités du pays hôte ont été aidées à prévenir les flux de migration irrégulière.',
  },
  'B7.text': {
    label: 'Retour et réadmission',
    help: 'Comment le retour des migrants en situation irrégulière a été facilité.',
  },
  'C.personsNotBoarded': {
    label: 'Personnes non embarquées sur avis d’un officier de liaison',
    help: 'Un nombre entier ; 0 s’il n’y en a pas.',
  },
  'C.fraudulentDocuments': {
    label: 'Documents frauduleux détectés avec un officier de liaison',
    help: 'Un nombre entier ; 0 s’il n’y en a pas.',
  },
  'C.returnsFacilitated': { label: 'Retours facilités', help: 'Un nombre entier ; 0 s’il n’y en a pas.' },
  'C.trainingSessions': {
    label: 'Sessions de formation',
    help: 'Les formations enregistrées pour ce réseau ce semestre.',
  },
  'C.trainingParticipants': {
    label: 'Participants aux formations',
    help: 'Participants aux sessions ci-dessus ; modifiez le total des enregistrements s’il ne correspond pas à la part de vos officiers de liaison.',
  },
  'C.meetings': {
    label: 'Réunions',
    help: 'Les réunions du réseau enregistrées ce semestre auxquelles votre État a participé.',
  },
};

export const templateFieldTexts = { en, fr } as const;

/**
 * The template's section and part titles, in English and French: the one source for the template's
 * own titles (report-templates.ts), the report renderer's headings (English) and the web app.
 */
export const templateSectionTitles = {
  en: {
    A1: 'Meetings',
    A2: 'Exchange of information and practice',
    A3: 'Coordination with commercial carriers',
    A4: 'Training attended and given',
    A5: 'Common approaches to gathering and reporting information',
    A6: 'Contacts with host and neighbouring networks and international organisations',
    A7: 'Representation and task-sharing arrangements',
    A8: "Asylum seekers' access to protection",
    A9: 'Difficulties and recommendations',
    B1: 'Irregular migration flows originating from or transiting the host country',
    B2: 'Routes',
    B3: 'Smuggling organisations and their methods',
    B4: 'Incidents, factors and trends',
    B5: 'Identity and travel document fraud',
    B6: 'Assistance to the host authorities',
    B7: 'Return and readmission cooperation',
    C: 'Figures',
  },
  fr: {
    A1: 'Réunions',
    A2: 'Échange d’informations et de pratiques',
    A3: 'Coordination avec les transporteurs commerciaux',
    A4: 'Formations suivies et données',
    A5: 'Approches communes de collecte et de communication des informations',
    A6: 'Contacts avec les réseaux du pays hôte et des pays voisins et avec les organisations internationales',
    A7: 'Arrangements de représentation et de partage des tâches',
    A8: 'Accès des demandeurs d’asile à la protection',
    A9: 'Difficultés et recommandations',
    B1: 'Flux de migration irrégulière en provenance ou en transit du pays hôte',
    B2: 'Itinéraires',
    B3: 'Organisations de passeurs et leurs méthodes',
    B4: 'Incidents, facteurs et tendances',
    B5: 'Fraude aux documents d’identité et de voyage',
    B6: 'Assistance aux autorités du pays hôte',
    B7: 'Coopération en matière de retour et de réadmission',
    C: 'Chiffres',
  },
} as const;

export type TemplateSectionId = keyof (typeof templateSectionTitles)['en'];

/** The names of the template's three parts. */
export const templatePartNames = {
  en: { A: 'Network activities', B: 'Situation in the host country', C: 'Figures' },
  fr: { A: 'Activités du réseau', B: 'Situation dans le pays hôte', C: 'Chiffres' },
} as const;

/**
 * The English headings of the template's table columns and the words of their choices, for the
 * report documents (which are written in English; the web app has them in its locale files).
 */
export const templateColumnTexts: { en: Record<string, string> } = {
  en: {
    state: 'State',
    nationality: 'Nationality',
    originOrTransit: 'Origin or transit',
    estimatedVolume: 'Estimated volume',
    trend: 'Trend',
    from: 'From',
    via: 'Via',
    to: 'To',
    mode: 'Mode',
    documentType: 'Document type',
    issuingCountry: 'Issuing country',
    fraudType: 'Type of fraud',
    cases: 'Cases',
  },
};

export const templateOptionTexts: { en: Record<string, string> } = {
  en: {
    origin: 'Origin',
    transit: 'Transit',
    increasing: 'Increasing',
    stable: 'Stable',
    decreasing: 'Decreasing',
    air: 'Air',
    land: 'Land',
    sea: 'Sea',
    passport: 'Passport',
    visa: 'Visa',
    residence_permit: 'Residence permit',
    identity_card: 'Identity card',
    other: 'Other',
    counterfeit: 'Counterfeit',
    forged: 'Forged',
    fraudulently_obtained: 'Fraudulently obtained',
    impostor: 'Impostor',
  },
};
