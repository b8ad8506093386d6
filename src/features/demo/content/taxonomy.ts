/** The demo site's sections, topics and writers. Names and bios are the team's own. */

export const demoSections = [
  { slug: 'politics', name: { en: 'Politics', ar: 'سياسة' }, color: '#b3261e' },
  { slug: 'economy', name: { en: 'Economy', ar: 'اقتصاد' }, color: '#0b6e4f' },
  { slug: 'technology', name: { en: 'Technology', ar: 'تكنولوجيا' }, color: '#1d4ed8' },
  { slug: 'defense', name: { en: 'Defense', ar: 'دفاع' }, color: '#4b5320' },
  { slug: 'tourism', name: { en: 'Tourism', ar: 'سياحة' }, color: '#b45309' },
  { slug: 'world', name: { en: 'World', ar: 'العالم' }, color: '#6d28d9' },
] as const;

export const demoTags: { slug: string; name: { en: string; ar: string } }[] = [
  { slug: 'gaza', name: { en: 'Gaza', ar: 'غزة' } },
  { slug: 'saudi-arabia', name: { en: 'Saudi Arabia', ar: 'السعودية' } },
  { slug: 'uae', name: { en: 'UAE', ar: 'الإمارات' } },
  { slug: 'egypt', name: { en: 'Egypt', ar: 'مصر' } },
  { slug: 'qatar', name: { en: 'Qatar', ar: 'قطر' } },
  { slug: 'iran', name: { en: 'Iran', ar: 'إيران' } },
  { slug: 'turkey', name: { en: 'Turkey', ar: 'تركيا' } },
  { slug: 'yemen', name: { en: 'Yemen', ar: 'اليمن' } },
  { slug: 'red-sea', name: { en: 'Red Sea', ar: 'البحر الأحمر' } },
  { slug: 'oil', name: { en: 'Oil', ar: 'النفط' } },
  { slug: 'startups', name: { en: 'Startups', ar: 'الشركات الناشئة' } },
  { slug: 'artificial-intelligence', name: { en: 'Artificial intelligence', ar: 'الذكاء الاصطناعي' } },
  { slug: 'vision-2030', name: { en: 'Vision 2030', ar: 'رؤية 2030' } },
  { slug: 'united-nations', name: { en: 'United Nations', ar: 'الأمم المتحدة' } },
  { slug: 'hospitality', name: { en: 'Hospitality', ar: 'الضيافة' } },
  { slug: 'aviation', name: { en: 'Aviation', ar: 'الطيران' } },
  { slug: 'renewables', name: { en: 'Renewable energy', ar: 'الطاقة المتجددة' } },
  { slug: 'cybersecurity', name: { en: 'Cybersecurity', ar: 'الأمن السيبراني' } },
  { slug: 'trade', name: { en: 'Trade', ar: 'التجارة' } },
  { slug: 'diplomacy', name: { en: 'Diplomacy', ar: 'الدبلوماسية' } },
];

export const demoPeople: { slug: string; name: { en: string; ar: string }; bio: { en: string; ar: string } }[] = [
  {
    slug: 'layla-haddad',
    name: { en: 'Layla Haddad', ar: 'ليلى حداد' },
    bio: { en: 'Layla Haddad covers regional diplomacy from Amman and the United Nations.', ar: 'ليلى حداد تغطي الشؤون الدبلوماسية الإقليمية من عمّان والأمم المتحدة.' },
  },
  {
    slug: 'omar-farouk',
    name: { en: 'Omar Farouk', ar: 'عمر فاروق' },
    bio: { en: 'Omar Farouk is Arab Press’s economics editor, based in Riyadh.', ar: 'عمر فاروق محرر الشؤون الاقتصادية في عرب برس، ومقره الرياض.' },
  },
  {
    slug: 'sara-al-mansouri',
    name: { en: 'Sara Al-Mansouri', ar: 'سارة المنصوري' },
    bio: { en: 'Sara Al-Mansouri writes about technology, start-ups and digital government.', ar: 'سارة المنصوري تكتب عن التكنولوجيا والشركات الناشئة والحكومة الرقمية.' },
  },
  {
    slug: 'karim-nasser',
    name: { en: 'Karim Nasser', ar: 'كريم ناصر' },
    bio: { en: 'Karim Nasser reports on defense and security across the Gulf.', ar: 'كريم ناصر يكتب عن شؤون الدفاع والأمن في منطقة الخليج.' },
  },
  {
    slug: 'nadia-benali',
    name: { en: 'Nadia Benali', ar: 'نادية بن علي' },
    bio: { en: 'Nadia Benali covers North Africa and the Mediterranean from Casablanca.', ar: 'نادية بن علي تغطي شمال أفريقيا والبحر المتوسط من الدار البيضاء.' },
  },
  {
    slug: 'yousef-qasim',
    name: { en: 'Yousef Qasim', ar: 'يوسف قاسم' },
    bio: { en: 'Yousef Qasim writes about energy, shipping and trade.', ar: 'يوسف قاسم يكتب عن الطاقة والشحن والتجارة.' },
  },
  {
    slug: 'hana-khoury',
    name: { en: 'Hana Khoury', ar: 'هناء خوري' },
    bio: { en: 'Hana Khoury is the travel and tourism correspondent.', ar: 'هناء خوري مراسلة شؤون السفر والسياحة.' },
  },
  {
    slug: 'tariq-aziz',
    name: { en: 'Tariq Aziz', ar: 'طارق عزيز' },
    bio: { en: 'Tariq Aziz covers world affairs as seen from the region.', ar: 'طارق عزيز يغطي الشؤون الدولية من منظور المنطقة.' },
  },
];
