// Day 2 (Friday) of the demo programme: relapse triggers and their management (drug cues, high-risk
// situations, stress) and an evidence review presented with its limits.
import type { SeedSession } from './types';

const day = 1;

export const day2Sessions: SeedSession[] = [
  {
    slug: 'keynote-stress-and-relapse',
    title: 'Keynote: Stress and relapse, from stress systems to daily life',
    day,
    start: '09:00',
    minutes: 60,
    format: 'keynote',
    track: 'neuroscience',
    room: 'Main Hall',
    speakers: ['marie-dubois'],
    abstract:
      'Stress is among the most frequently reported reasons for a return to use. This keynote describes ' +
      'how stress systems and glutamate signalling interact in relapse models, how researchers measure stress ' +
      'in people in early recovery, and what remains uncertain when laboratory findings meet everyday life.',
  },
  {
    slug: 'family-conversations-after-a-lapse',
    title: 'Family conversations after a lapse: a skills workshop',
    day,
    start: '10:00',
    minutes: 90,
    format: 'workshop',
    track: 'families-communities',
    room: 'Studio 1',
    speakers: ['tomasz-kowalski', 'hannah-schmidt'],
    capacity: 20,
    abstract:
      'Through short role-plays, participants practise conversations that relatives often find hardest ' +
      'after a lapse: asking what happened, saying what they need, and agreeing on next steps. The workshop is ' +
      'led jointly by a family therapist and a parent.',
  },
  {
    slug: 'cue-reactivity-in-the-lab-and-in-the-street',
    title: 'Cue reactivity in the lab and in the street',
    day,
    start: '10:30',
    minutes: 45,
    format: 'talk',
    track: 'neuroscience',
    room: 'Amstel Room',
    speakers: ['jonas-becker'],
    abstract:
      'Drug cues such as places, objects or smells can provoke craving. This talk compares how cue ' +
      'reactivity is measured in the laboratory with how people describe cues in daily life, and discusses ' +
      'what computational models add and where they oversimplify.',
  },
  {
    slug: 'overdose-risk-after-a-period-of-abstinence',
    title: 'Overdose after a period of abstinence: tolerance and risk',
    day,
    start: '10:30',
    minutes: 45,
    format: 'talk',
    track: 'clinical-practice',
    room: 'IJ Room',
    speakers: ['daniel-cohen'],
    contentNote: 'Discusses overdose deaths and bereavement.',
    abstract:
      'The weeks after leaving prison, hospital or residential treatment are a period of raised ' +
      'overdose risk, partly because tolerance falls. An emergency physician reviews the epidemiology, ' +
      'describes how services talk about this risk with people before discharge, and discusses what such ' +
      'conversations can and cannot achieve.',
  },
  {
    slug: 'high-risk-situations-panel',
    title: 'High-risk situations: clinicians and people in recovery compare notes',
    day,
    start: '11:30',
    minutes: 60,
    format: 'panel',
    track: 'clinical-practice',
    room: 'Main Hall',
    speakers: ['rahul-mehta', 'ingrid-lindqvist', 'sofia-rossi', 'james-whitfield'],
    abstract:
      'Clinicians and people with lived experience describe the situations they see as high-risk: ' +
      'celebrations, conflict, loneliness, payday, certain places. The panel compares professional checklists ' +
      'with what people in recovery say actually mattered to them.',
  },
  {
    slug: 'measuring-glutamate-in-people',
    title: 'Measuring glutamate in people: what imaging can and cannot show',
    day,
    start: '11:30',
    minutes: 45,
    format: 'talk',
    track: 'neuroscience',
    room: 'Amstel Room',
    speakers: ['kenji-watanabe'],
    abstract:
      'Magnetic resonance spectroscopy lets researchers estimate glutamate levels in the living human ' +
      'brain. This talk explains what the technique measures, why its results are hard to compare with ' +
      'extracellular glutamate in animal studies, and how to read imaging headlines with care.',
  },
  {
    slug: 'lapse-or-relapse',
    title: 'Lapse or relapse? How the words we use shape what happens next',
    day,
    start: '11:30',
    minutes: 45,
    format: 'talk',
    track: 'clinical-practice',
    room: 'IJ Room',
    speakers: ['carlos-mendoza'],
    abstract:
      'Relapse-prevention models distinguish a single lapse from a return to previous patterns of use. ' +
      'This talk traces the history of that distinction, how it is used in counselling, and how people in ' +
      'recovery and clinicians describe its effect on shame and on asking for help.',
  },
  {
    slug: 'peer-support-meeting-friday',
    title: 'Peer-support meeting (Friday)',
    day,
    start: '12:45',
    minutes: 60,
    format: 'support_meeting',
    track: 'lived-experience',
    room: 'Studio 2',
    // Co-facilitated by a speaker who also has public sessions; his public page must not list this one.
    speakers: ['marit-jansen', 'mateo-fernandez'],
    visibility: 'attendees',
    abstract:
      'A confidential, facilitated peer-support meeting for registered attendees in recovery or affected by ' +
      'addiction. There is no recording and no attendance list; come and go as you need.',
  },
  {
    slug: 'glutamine-supplementation-evidence-review',
    title: 'Glutamine supplementation: an evidence review and its limits',
    day,
    start: '14:00',
    minutes: 45,
    format: 'talk',
    track: 'clinical-practice',
    room: 'Main Hall',
    speakers: ['leila-haddad'],
    abstract:
      'Glutamine supplements are promoted online as an aid in recovery. This review sets out what has ' +
      'actually been studied: the number and size of studies, who took part, what was measured and the ' +
      'quality of the evidence. The talk is explicit about the limits of what is known and is not a ' +
      'recommendation for or against any product.',
  },
  {
    slug: 'learning-from-cues-dopamine-prediction-errors',
    title: 'Learning from cues: dopamine prediction errors and drug-associated memories',
    day,
    start: '14:00',
    minutes: 45,
    format: 'talk',
    track: 'neuroscience',
    room: 'Amstel Room',
    speakers: ['amara-okafor'],
    abstract:
      'Prediction-error signals carried by dopamine neurons help animals learn which cues predict ' +
      'rewards. This talk discusses how drug-associated memories are formed and updated, the research on ' +
      'whether such memories can be weakened, and the distance between these experiments and clinical use.',
  },
  {
    slug: 'supporting-children-in-affected-families',
    title: 'Supporting children in families affected by addiction',
    day,
    start: '14:00',
    minutes: 45,
    format: 'talk',
    track: 'families-communities',
    room: 'IJ Room',
    speakers: ['grace-mensah'],
    contentNote: 'Discusses the experiences of children living with a parent who uses substances.',
    abstract:
      'Children are often the least heard members of an affected family. Drawing on youth programmes in ' +
      'Accra, this talk discusses how community groups involve children, what they say they need, and how ' +
      'programmes handle safeguarding.',
  },
  {
    slug: 'starting-a-peer-support-group',
    title: 'Starting a peer-support group: practical steps',
    day,
    start: '14:00',
    minutes: 120,
    format: 'workshop',
    track: 'lived-experience',
    room: 'Studio 1',
    speakers: ['james-whitfield', 'lan-nguyen'],
    capacity: 25,
    abstract:
      'For anyone thinking of starting a peer-support group in a service, a workplace or a community. ' +
      'Participants work through the practical questions: finding a space, agreeing ground rules, ' +
      'confidentiality, training facilitators and knowing when to refer someone on.',
  },
  {
    slug: 'lived-experience-from-five-countries',
    title: 'Lived experience from five countries',
    day,
    start: '15:30',
    minutes: 75,
    format: 'panel',
    track: 'lived-experience',
    room: 'Main Hall',
    speakers: ['thabo-dlamini', 'siobhan-oneill', 'aroha-parata', 'mateo-fernandez', 'sofia-rossi'],
    contentNote: 'Panellists describe personal experiences of addiction, relapse and loss.',
    abstract:
      'Five people who are recovered or recovering, from South Africa, Ireland, Aotearoa New Zealand, Spain ' +
      'and Italy, discuss relapse as they lived it: the warning signs they noticed or missed, the role of ' +
      'stress and of other people. They end with what they would tell a service designing a ' +
      'relapse-prevention programme.',
  },
  {
    slug: 'sleep-stress-and-the-first-months',
    title: 'Sleep, stress and the first months without a substance',
    day,
    start: '15:30',
    minutes: 45,
    format: 'talk',
    track: 'neuroscience',
    room: 'Amstel Room',
    speakers: ['marie-dubois'],
    abstract:
      'Disturbed sleep is common in early recovery and is frequently mentioned alongside stress in ' +
      'accounts of relapse. This talk reviews research on sleep and stress physiology in the first months after ' +
      'stopping alcohol or stimulants, and the open questions about cause and effect.',
  },
  {
    slug: 'trauma-informed-relapse-prevention',
    title: 'Trauma-informed relapse prevention',
    day,
    start: '15:30',
    minutes: 45,
    format: 'talk',
    track: 'clinical-practice',
    room: 'IJ Room',
    speakers: ['fatima-zahra-benali'],
    contentNote: 'Discusses trauma, including childhood adversity and violence.',
    abstract:
      'Many people in addiction services have experienced trauma. This talk discusses how ' +
      'relapse-prevention work can take that history into account: pacing, choice, avoiding re-traumatising ' +
      'exercises, and coordinating with trauma services.',
  },
  {
    slug: 'breathing-and-grounding-for-stressful-moments',
    title: 'Breathing and grounding for stressful moments',
    day,
    start: '16:15',
    minutes: 60,
    format: 'workshop',
    track: 'clinical-practice',
    room: 'Studio 2',
    speakers: ['yuki-tanaka'],
    capacity: 12,
    abstract:
      'A quiet, practical session introducing breathing and grounding exercises that some services teach ' +
      'for moments of stress or craving. Participants try each exercise and discuss how to offer them to ' +
      'clients without pressure.',
  },
];
