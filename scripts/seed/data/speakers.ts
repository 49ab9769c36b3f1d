// Invented speakers of the demo conference. Bios say only what a public conference bio would say; people
// who speak from lived experience are described by their work and their choice to speak, nothing more.
import type { SeedSpeaker } from './types';

export const speakers: SeedSpeaker[] = [
  {
    slug: 'amara-okafor',
    name: 'Prof. Amara Okafor',
    affiliation: 'Lagos Centre for Behavioural Neuroscience, Nigeria',
    bio:
      'Amara Okafor studies how learning and memory systems shape craving. She leads a research group on the ' +
      'neurobiology of relapse and teaches neuroscience to clinicians in training.',
  },
  {
    slug: 'ana-souza',
    name: 'Dr. Ana Souza',
    affiliation: 'Instituto Vale do Sul de Neurociência, Porto Alegre, Brazil',
    bio:
      'Ana Souza is a neuropharmacologist working on glutamate transport in the nucleus accumbens. ' +
      'She co-edits a review series that makes basic addiction research readable for practitioners.',
  },
  {
    slug: 'kenji-watanabe',
    name: 'Dr. Kenji Watanabe',
    affiliation: 'Kansai Institute for Brain Science, Osaka, Japan',
    bio:
      'Kenji Watanabe compares how different substances alter glutamate signalling, combining animal ' +
      'studies with human brain imaging.',
  },
  {
    slug: 'eva-novakova',
    name: 'Dr. Eva Nováková',
    affiliation: 'Department of Pharmacology, Vltava Medical Faculty, Prague, Czechia',
    bio:
      'Eva Nováková works on metabotropic glutamate receptors and on how laboratory findings are, and are ' +
      'not, carried into clinical studies.',
  },
  {
    slug: 'henrik-aalto',
    name: 'Dr. Henrik Aalto',
    affiliation: 'Nordic Addiction Research Unit, Helsinki, Finland',
    bio:
      'Henrik Aalto studies prefrontal control of behaviour and the pathways that connect the prefrontal ' +
      'cortex to the striatum.',
  },
  {
    slug: 'jonas-becker',
    name: 'Dr. Jonas Becker',
    affiliation: 'Centre for Computational Psychiatry, Heidelberg, Germany',
    bio:
      'Jonas Becker models how drug-associated cues come to guide behaviour, and runs workshops on reading ' +
      'neuroscience papers critically.',
  },
  {
    slug: 'marie-dubois',
    name: 'Dr. Marie Dubois',
    affiliation: 'Laboratoire de Physiologie du Stress, Lyon, France',
    bio:
      'Marie Dubois is a physiologist who studies stress systems, sleep and their role in the months after ' +
      'people stop using a substance.',
  },
  {
    slug: 'pieter-van-den-berg',
    name: 'Dr. Pieter van den Berg',
    affiliation: 'Amstelland Addiction Care, Amsterdam, the Netherlands',
    bio:
      'Pieter van den Berg is an addiction psychiatrist and chairs the programme committee of the ' +
      'Integrative Addiction Conference.',
  },
  {
    slug: 'ingrid-lindqvist',
    name: 'Dr. Ingrid Lindqvist',
    affiliation: 'Uppsala Centre for Relapse Prevention, Sweden',
    bio:
      'Ingrid Lindqvist is a clinical psychologist who designs and evaluates group relapse-prevention ' +
      'programmes in outpatient services.',
  },
  {
    slug: 'carlos-mendoza',
    name: 'Dr. Carlos Mendoza',
    affiliation: 'Fundación Andina de Salud Mental, Bogotá, Colombia',
    bio:
      'Carlos Mendoza is a clinical researcher who has worked on studies of relapse-prevention programmes ' +
      'in Latin America and trains clinicians in structured relapse-prevention planning.',
  },
  {
    slug: 'rahul-mehta',
    name: 'Dr. Rahul Mehta',
    affiliation: 'Sahyadri Centre for Addiction Medicine, Pune, India',
    bio: 'Rahul Mehta is a psychiatrist working in community addiction services and in workplace programmes.',
  },
  {
    slug: 'leila-haddad',
    name: 'Dr. Leila Haddad',
    affiliation: 'Evidence Synthesis Group, Montréal, Canada',
    bio:
      'Leila Haddad is a pharmacist and systematic reviewer. Her work looks at how well supplements and ' +
      'other proposed aids have been studied, and what the studies leave open.',
  },
  {
    slug: 'daniel-cohen',
    name: 'Dr. Daniel Cohen',
    affiliation: 'Harbourfront Emergency Department, Toronto, Canada',
    bio:
      'Daniel Cohen is an emergency physician involved in overdose-response training and in linking ' +
      'emergency care with community services.',
  },
  {
    slug: 'lan-nguyen',
    name: 'Dr. Nguyễn Thị Lan',
    affiliation: 'Institute of Community Health, Hanoi, Vietnam',
    bio:
      'Nguyễn Thị Lan is a public-health researcher who studies relapse-prevention groups run in ' +
      'community settings with few specialist staff.',
  },
  {
    slug: 'elif-yilmaz',
    name: 'Elif Yılmaz',
    affiliation: 'Nurse specialist, Boğaziçi Addiction Service, Istanbul, Türkiye',
    bio:
      'Elif Yılmaz is a nurse specialist in addiction care and works on recovery-oriented language in ' +
      'clinical records.',
  },
  {
    slug: 'fatima-zahra-benali',
    name: 'Fatima Zahra Benali',
    affiliation: 'Social worker, Association Horizon, Marseille, France',
    bio:
      'Fatima Zahra Benali is a social worker who brings a trauma-informed approach to relapse-prevention ' +
      'planning with adults and young adults.',
  },
  {
    slug: 'yuki-tanaka',
    name: 'Yuki Tanaka',
    affiliation: 'Kamo River Mindfulness Centre, Kyoto, Japan',
    bio:
      'Yuki Tanaka is an occupational therapist and mindfulness teacher who leads small-group practice ' +
      'sessions in outpatient addiction services.',
  },
  {
    slug: 'tomasz-kowalski',
    name: 'Tomasz Kowalski',
    affiliation: 'Family therapist, Wawel Family Counselling, Kraków, Poland',
    bio:
      'Tomasz Kowalski is a family therapist who works with relatives of people with substance-use ' +
      'problems and trains others in family-inclusive approaches.',
  },
  {
    slug: 'hannah-schmidt',
    name: 'Hannah Schmidt',
    affiliation: 'Co-founder, Angehörigen-Netzwerk Wien, Austria',
    bio:
      'Hannah Schmidt co-founded a support network for parents and partners in Vienna and speaks as a ' +
      'mother about what families need.',
  },
  {
    slug: 'grace-mensah',
    name: 'Grace Mensah',
    affiliation: 'Community organiser, Family Circles Ghana, Accra',
    bio: 'Grace Mensah organises community-based family support groups and youth programmes in Accra.',
  },
  {
    slug: 'siobhan-oneill',
    name: "Siobhán O'Neill",
    affiliation: 'Recovery advocate and broadcaster, Dublin, Ireland',
    bio:
      "Siobhán O'Neill is a recovery advocate who hosts a radio series of conversations with people in " +
      'recovery and the people around them.',
  },
  {
    slug: 'mateo-fernandez',
    name: 'Mateo Fernández',
    affiliation: 'Peer-support worker, Red de Apoyo Mutuo, Madrid, Spain',
    bio:
      'Mateo Fernández is a peer-support worker who speaks openly about his own recovery and helps ' +
      'set up peer-led groups in Madrid.',
  },
  {
    slug: 'aroha-parata',
    name: 'Aroha Parata',
    affiliation: 'Peer-support lead, Whānau Ora recovery service, Auckland, Aotearoa New Zealand',
    bio:
      'Aroha Parata leads a team of peer-support workers and speaks about recovery as something carried ' +
      'by families and communities as well as individuals.',
  },
  {
    slug: 'thabo-dlamini',
    name: 'Thabo Dlamini',
    affiliation: 'Peer-support worker, Soweto Recovery Collective, South Africa',
    bio:
      'Thabo Dlamini is a peer-support worker and youth mentor, and a person in long-term recovery who ' +
      'has chosen to speak about it publicly.',
  },
  {
    slug: 'sofia-rossi',
    name: 'Sofia Rossi',
    affiliation: 'Writer and peer mentor, Bologna, Italy',
    bio:
      'Sofia Rossi is a writer and peer mentor in recovery. She runs writing groups for people who want to ' +
      'tell their own story in their own words.',
  },
  {
    slug: 'james-whitfield',
    name: 'James Whitfield',
    affiliation: 'Recovery coach, Northern Quarter Recovery Hub, Manchester, United Kingdom',
    bio:
      'James Whitfield is a recovery coach who works alongside clinical teams and moderates online peer ' +
      'communities.',
  },
  {
    // Facilitates only the attendee-only peer-support meetings, so she never appears in public listings.
    slug: 'marit-jansen',
    name: 'Marit Jansen',
    affiliation: 'Peer-support facilitator, Amsterdam',
    bio: 'Marit Jansen is a trained peer-support facilitator with a community recovery organisation in Amsterdam.',
  },
];
