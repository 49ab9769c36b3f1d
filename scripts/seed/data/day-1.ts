// Day 1 (Thursday) of the demo programme: the neuroscience of relapse, with practice and lived experience
// running in parallel, and the alcohol-free welcome reception in the evening.
import type { SeedSession } from './types';

const day = 0;

export const day1Sessions: SeedSession[] = [
  {
    slug: 'opening-keynote-relapse-between-brain-and-everyday-life',
    title: 'Opening keynote: Relapse between the brain and everyday life',
    day,
    start: '09:00',
    minutes: 60,
    format: 'keynote',
    track: 'neuroscience',
    room: 'Main Hall',
    speakers: ['amara-okafor', 'pieter-van-den-berg'],
    abstract:
      'After a welcome from the programme committee, Amara Okafor sets out the questions that run through ' +
      'the three days: why the risk of relapse can persist long after use stops, and how findings about brain ' +
      'circuits relate to the situations people actually face. The keynote links laboratory models to the ' +
      'clinical and personal perspectives heard later in the programme.',
  },
  {
    slug: 'glutamate-homeostasis-hypothesis-introduction',
    title: 'The glutamate homeostasis hypothesis: an introduction',
    day,
    start: '10:30',
    minutes: 45,
    format: 'talk',
    track: 'neuroscience',
    room: 'Amstel Room',
    speakers: ['ana-souza'],
    abstract:
      'This talk introduces the glutamate homeostasis hypothesis of relapse: the proposal that repeated ' +
      'drug use changes how extracellular glutamate in the nucleus accumbens is regulated. It explains the ' +
      'basic terms, the animal studies the idea comes from, and the questions that remain open. No prior ' +
      'neuroscience background is assumed.',
  },
  {
    slug: 'what-goes-into-a-relapse-prevention-programme',
    title: 'What goes into a relapse-prevention programme',
    day,
    start: '10:30',
    minutes: 45,
    format: 'talk',
    track: 'clinical-practice',
    room: 'IJ Room',
    speakers: ['ingrid-lindqvist'],
    abstract:
      'Relapse-prevention programmes differ in length, format and content. This talk walks through the ' +
      'components most programmes share, such as identifying high-risk situations, coping plans and ' +
      'follow-up, and discusses the choices services make when adapting them to their own setting.',
  },
  {
    slug: 'mapping-high-risk-situations',
    title: 'Mapping high-risk situations: a hands-on workshop',
    day,
    start: '10:30',
    minutes: 90,
    format: 'workshop',
    track: 'clinical-practice',
    room: 'Studio 1',
    speakers: ['carlos-mendoza'],
    capacity: 25,
    abstract:
      'Participants practise a structured conversation for mapping the people, places, moods and times ' +
      'that a client experiences as risky. Working in pairs with fictional case material, the group compares ' +
      'mapping tools and discusses how to keep the exercise collaborative rather than prescriptive.',
  },
  {
    slug: 'prefrontal-glutamatergic-projections-and-drug-seeking',
    title: 'Prefrontal glutamatergic projections and the return to drug seeking',
    day,
    start: '11:30',
    minutes: 45,
    format: 'talk',
    track: 'neuroscience',
    room: 'Amstel Room',
    speakers: ['henrik-aalto'],
    abstract:
      'Projections from the prefrontal cortex to the nucleus accumbens carry glutamate signals that are ' +
      'studied as one route by which cues and stress may trigger drug seeking in animal models. The talk ' +
      'reviews what circuit studies have shown, how the findings are interpreted, and where human evidence is ' +
      'still thin.',
  },
  {
    slug: 'families-in-the-room',
    title: 'Families in the room: support for relatives',
    day,
    start: '11:30',
    minutes: 60,
    format: 'panel',
    track: 'families-communities',
    room: 'IJ Room',
    speakers: ['tomasz-kowalski', 'hannah-schmidt', 'grace-mensah'],
    abstract:
      'A family therapist, a parent who co-founded a support network and a community organiser discuss ' +
      'what relatives of people with substance-use problems ask for, what they are offered, and where the gaps ' +
      'are. The panel compares family support in Poland, Austria and Ghana.',
  },
  {
    slug: 'peer-support-meeting-thursday',
    title: 'Peer-support meeting (Thursday)',
    day,
    start: '12:30',
    minutes: 60,
    format: 'support_meeting',
    track: 'lived-experience',
    room: 'Studio 2',
    speakers: ['marit-jansen'],
    visibility: 'attendees',
    abstract:
      'A confidential, facilitated peer-support meeting for registered attendees in recovery or affected by ' +
      'addiction. There is no recording and no attendance list; come and go as you need.',
  },
  {
    slug: 'clearing-glutamate-glt-1-and-the-cystine-glutamate-exchanger',
    title: 'Clearing glutamate: GLT-1 and the cystine-glutamate exchanger',
    day,
    start: '13:30',
    minutes: 45,
    format: 'talk',
    track: 'neuroscience',
    room: 'Amstel Room',
    speakers: ['ana-souza'],
    abstract:
      'Two proteins are central to the glutamate homeostasis hypothesis: the GLT-1 transporter, which ' +
      'removes glutamate from the space between cells, and the cystine-glutamate exchanger, which releases it. ' +
      'This talk describes how each has been studied after drug exposure in animals and why results differ ' +
      'between substances and protocols.',
  },
  {
    slug: 'peer-support-workers-in-clinical-teams',
    title: 'Peer-support workers in clinical teams',
    day,
    start: '13:30',
    minutes: 45,
    format: 'talk',
    track: 'clinical-practice',
    room: 'IJ Room',
    speakers: ['james-whitfield', 'elif-yilmaz'],
    abstract:
      'A recovery coach and a nurse specialist describe working side by side in an outpatient service. ' +
      'They discuss role boundaries, supervision, shared notes and what each profession has had to learn from ' +
      'the other.',
  },
  {
    slug: 'co-writing-relapse-prevention-plans',
    title: 'Co-writing relapse-prevention plans with clients',
    day,
    start: '14:00',
    minutes: 90,
    format: 'workshop',
    track: 'clinical-practice',
    room: 'Studio 1',
    speakers: ['fatima-zahra-benali'],
    capacity: 20,
    abstract:
      'A practical workshop on writing a relapse-prevention plan together with a client, in language the ' +
      'client recognises as their own. Participants draft and critique sample plans and discuss how to revisit ' +
      'a plan after a lapse.',
  },
  {
    slug: 'why-alcohol-and-cocaine-act-on-glutamate-differently',
    title: 'Why alcohol and cocaine act on glutamate differently',
    day,
    start: '14:30',
    minutes: 45,
    format: 'talk',
    track: 'neuroscience',
    room: 'Main Hall',
    speakers: ['kenji-watanabe'],
    abstract:
      'Alcohol and cocaine reach the glutamate system by different routes: one acts broadly on receptors ' +
      'and channels, the other mainly through monoamine transporters. This talk compares what animal and ' +
      'imaging studies report about each, and why a single glutamate story may not fit every substance.',
  },
  {
    slug: 'mglur2-3-and-mglur5-receptors-in-the-relapse-conversation',
    title: 'mGluR2/3 and mGluR5: receptors in the relapse conversation',
    day,
    start: '14:30',
    minutes: 45,
    format: 'talk',
    track: 'neuroscience',
    room: 'Amstel Room',
    speakers: ['eva-novakova'],
    abstract:
      'Metabotropic glutamate receptors mGluR2/3 and mGluR5 are discussed as regulators of glutamate ' +
      'release and signalling in relapse models. The talk explains what these receptors do, summarises the ' +
      'preclinical research on them, and describes why moving from animal findings to human studies has been ' +
      'difficult.',
  },
  {
    slug: 'relapse-prevention-groups-in-low-resource-settings',
    title: 'Relapse-prevention groups in low-resource settings',
    day,
    start: '14:30',
    minutes: 45,
    format: 'talk',
    track: 'clinical-practice',
    room: 'IJ Room',
    speakers: ['lan-nguyen'],
    abstract:
      'Many communities run relapse-prevention groups with few specialist staff. Drawing on fieldwork in ' +
      'Vietnam, this talk describes how such groups are organised, who leads them, and what their organisers ' +
      'report as the main practical obstacles.',
  },
  {
    slug: 'recovery-across-borders',
    title: 'Recovery across borders: an open conversation',
    day,
    start: '16:00',
    minutes: 75,
    format: 'panel',
    track: 'lived-experience',
    room: 'Main Hall',
    speakers: ['siobhan-oneill', 'mateo-fernandez', 'aroha-parata', 'thabo-dlamini'],
    contentNote: 'Panellists describe personal experiences of addiction and relapse.',
    abstract:
      'Four people from Ireland, Spain, Aotearoa New Zealand and South Africa talk about recovery in ' +
      'their own words: what helped, what got in the way, and how culture and community shaped their paths. ' +
      'Questions from the audience are welcome.',
  },
  {
    slug: 'mesolimbic-dopamine-what-it-signals',
    title: 'Mesolimbic dopamine: what it signals and what it does not',
    day,
    start: '16:00',
    minutes: 45,
    format: 'talk',
    track: 'neuroscience',
    room: 'Amstel Room',
    speakers: ['amara-okafor'],
    abstract:
      'Dopamine in the mesolimbic circuit is often described as a pleasure signal. This talk presents ' +
      'the research on dopamine as a signal about learning and expectation, how it interacts with glutamate in ' +
      'the nucleus accumbens, and which popular claims about dopamine the evidence does not support.',
  },
  {
    slug: 'recovery-oriented-language-in-clinical-records',
    title: 'Recovery-oriented language in clinical records',
    day,
    start: '16:00',
    minutes: 45,
    format: 'talk',
    track: 'clinical-practice',
    room: 'IJ Room',
    speakers: ['elif-yilmaz'],
    abstract:
      'Words in a clinical record travel with a person for years. This talk looks at common stigmatising ' +
      'terms in addiction-care notes, how one service reviewed its templates, and how staff and service users ' +
      'responded to the changes.',
  },
  {
    slug: 'mindfulness-practice-for-urges-and-cravings',
    title: 'Mindfulness practice for urges and cravings',
    day,
    start: '16:00',
    minutes: 75,
    format: 'workshop',
    track: 'clinical-practice',
    room: 'Studio 2',
    speakers: ['yuki-tanaka'],
    capacity: 8,
    abstract:
      'A small-group, experiential session introducing the mindfulness exercises used in some ' +
      'relapse-prevention groups, such as noticing an urge without acting on it. Participants try the exercises ' +
      'themselves and discuss how they are adapted for different groups. Places are deliberately limited.',
  },
  {
    slug: 'welcome-reception',
    title: 'Welcome reception (alcohol-free)',
    day,
    start: '18:30',
    minutes: 150,
    format: 'social',
    track: null,
    room: 'Harbour Foyer',
    speakers: [],
    abstract:
      'Meet other attendees, speakers and the organising team over food, music and a bar serving only ' +
      'alcohol-free drinks. A quiet corner is kept free of music for anyone who wants a calmer conversation.',
  },
];
