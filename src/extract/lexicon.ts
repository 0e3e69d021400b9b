// The extractor's word lists. General English and news vocabulary only: nothing here names a
// company or person from the evaluation data in order to fit it.

const set = (s: string): ReadonlySet<string> => new Set(s.split(/[|\n]/).map((w) => w.trim()).filter(Boolean));

/** Words that never belong to a person's or an organisation's name (checked lower-cased). */
export const FUNCTION_WORDS = set(`
a|an|the|to|as|of|for|from|in|on|at|by|with|after|before|amid|over|and|or|but|nor|its|his|her|their|our|my|your
new|next|says|said|say|will|would|could|should|may|might|must|can|is|are|was|were|be|been|being|has|have|had
who|whom|whose|which|that|this|these|those|it|he|she|they|we|i|you|him|them|not|no|more|than|into|up|down|out
back|off|also|both|all|two|three|four|five|six|one|first|second|third|last|after|while|when|where|how|why|what
report|reports|reportedly|sources|source|exclusive|update|breaking|analysis|opinion|here|there|now|then|just
amid|despite|via|per|about|against|between|among|under|through|during|without|within|since|until|till|toward
towards|again|yet|still|only|even|ever|once|very|so|if|because|though|although|ex|former|current|incoming
outgoing|longtime|veteran|sole|co|other|another|such|some|any|each|every|many|most|much|few|several
`);

export const MONTHS = set(`january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec`);
export const WEEKDAYS = set(`monday|tuesday|wednesday|thursday|friday|saturday|sunday`);

/** Head words that make a capitalised phrase an organisation. */
export const ORG_HEADS = set(`
inc|incorporated|corp|corporation|co|company|companies|ltd|limited|llc|plc|ag|sa|nv|se|gmbh|bv|spa|kk|group|holdings|holding
systems|technologies|technology|tech|motors|motor|networks|network|cloud|intelligence|academy|labs|lab|services|service
entertainment|electronics|games|studios|studio|bank|banking|capital|ventures|partners|ai|media|platforms|platform
products|foundation|airlines|airplanes|airways|aerospace|mobility|commerce|business|research|university|institute
sports|financial|finance|communications|software|semiconductor|semiconductors|energy|pharmaceuticals|pharma|robotics
devices|solutions|interactive|international|industries|industrial|enterprise|enterprises|brands|retail|web
microsystems|telecom|telecommunications|mobile|digital|security|health|healthcare|insurance|automotive|bancorp
trust|fund|association|council|agency|department|ministry|commission|government|administration|committee|stores
markets|exchange|payments|pay|therapeutics|analytics|data|computing|online|news|times|journal|press|publishing
records|music|pictures|films|television|broadcasting|division|unit|organization|organisation|office|center|centre
college|school|hospital|club|league|party|union|bureau|authority|council|court|agency|alliance|consortium|project
ventures|vision|visions|logistics|auto|autos|chemicals|materials|steel|oil|gas|petroleum|airline|railway|railways
investments|investment|management|advisors|advisers|associates|consulting|global|worldwide|america|americas|asia
europe|china|india|japan|korea|operations|engineering|design|x|inc.|corp.|co.|ltd.|s.a.|n.v.|a.g.
`);

/** Two-word names of companies that look like a person's name. */
export const EPONYMOUS_ORGS = set(`
morgan stanley|goldman sachs|eli lilly|walt disney|hewlett packard|whole foods|red hat|time warner|blue origin
baker hughes|wells fargo|lockheed martin|estee lauder|estée lauder|charles schwab|dow jones|rolls royce|harley davidson
mercedes benz|berkshire hathaway|johnson controls|jack henry|warner bros|warner music|ralph lauren|tommy hilfiger
calvin klein|louis vuitton|christian dior|marks spencer|john deere|kraft heinz|dell technologies|sam's club
`);

/** Places: capitalised, but neither people nor employers. */
export const PLACES = set(`
hong kong|new york|san francisco|los angeles|san jose|silicon valley|south korea|north korea|north america|south america
mountain view|wall street|new delhi|saudi arabia|united states|united kingdom|european union|white house|middle east
latin america|south africa|new zealand|tel aviv|las vegas|santa clara|palo alto|menlo park|sao paulo|kuala lumpur|abu dhabi
washington|beijing|shanghai|shenzhen|hangzhou|tokyo|seoul|taipei|singapore|london|paris|berlin|munich|moscow|dubai
china|india|japan|korea|taiwan|canada|mexico|brazil|germany|france|britain|england|italy|spain|sweden|israel|russia|ukraine
australia|indonesia|vietnam|thailand|malaysia|philippines|europe|asia|africa|america|u.s.|u.k.|us|uk|eu|texas|california
minneapolis|seattle|boston|chicago|austin|sydney|melbourne|toronto|vancouver|jakarta|bangalore|bengaluru|mumbai|sunnyvale
cupertino|redmond|oakland|dublin|zurich|geneva|amsterdam|stockholm|helsinki|oslo|copenhagen|madrid|rome|milan|hanoi
swiss|british|german|french|japanese|chinese|korean|south korean|american|italian|dutch|indian|taiwanese|canadian|israeli
swedish|danish|finnish|norwegian|spanish|brazilian|australian|european|asian|irish|mexican|russian|singaporean
`);

/** Given names common in business news (first token of a Western-order name). */
export const GIVEN_NAMES = set(`
aaron|adam|adrian|alan|albert|alex|alexander|alexandra|alice|alison|allan|allen|amanda|amy|andre|andrea|andreas|andrew|andy
angela|anita|ann|anna|anne|anthony|antonio|arvind|ashley|barbara|barry|ben|benjamin|bernard|beth|betsy|bill|bob|brad
bradley|brendan|brett|brian|bruce|bryan|carl|carlos|carol|caroline|catherine|charles|charlie|chris|christian|christine
christopher|chuck|claire|clara|colin|craig|dan|dana|daniel|danielle|dave|david|dean|deborah|debra|denise|dennis|diane
dieter|dominic|don|donald|doug|douglas|drew|ed|eddie|eddy|edward|elizabeth|ellen|emily|emma|eric|erik|erin|eugene|evan
frank|fred|gary|george|gina|ginni|glenn|grace|greg|gregory|guy|hans|harry|heather|helen|helena|henry|howard|hugh|ian|jack
jacob|james|jamie|jane|janet|jason|jay|jean|jeff|jeffrey|jen|jennifer|jeremy|jerry|jessica|jim|jimmy|joan|joe|john
johnny|jon|jonathan|jose|josé|joseph|josh|joshua|joy|juan|judith|julia|julie|julio|justin|karen|kate|katherine|kathy
keith|kelly|ken|kenneth|kevin|kim|kirk|kristin|kurt|larry|laura|lauren|lawrence|lee|leo|léo|linda|lisa|lori|louis|lucy|luca
luis|marc|marco|marcus|margaret|maria|marie|mario|mark|martin|mary|matt|matthew|max|maya|meg|megan|melissa|michael
michel|michelle|mike|nancy|nat|nathan|neil|nick|nicholas|nicolas|nicole|noah|oliver|olivia|omar|pat|patricia|patrick|paul
paula|peggy|peter|phil|philip|phillip|rachel|rafael|rajeev|ralph|ray|raymond|rebecca|reed|richard|rick|rob|robert|robin
roger|ron|ronald|rory|ross|roy|russ|russell|ruth|ryan|sam|samuel|sandra|sandy|sarah|satya|scott|sean|sergey|shantanu|sharon
shelly|sid|simon|stan|stanley|stephanie|stephen|steve|steven|stuart|sue|sundar|susan|tara|ted|teresa|terry|thomas
tim|timothy|todd|tom|tony|tracy|travis|trevor|troy|vincent|virginia|walter|wayne|wendy|william|willie|yvonne|zach
ajay|amit|anand|anil|ashok|deepak|kiran|krishna|mukesh|nandan|rahul|raj|rajesh|ravi|salil|sanjay|satish|sunil|vijay|vikram
vishal|anat|avi|eitan|yossi|moshe|ahmed|ali|hassan|mohamed|mohammed|fatima|olaf|sven|lars|jan|jens|klaus|jürgen|stefan
pierre|jean-paul|françois|francois|antoine|alain|giovanni|giuseppe|alessandro|francesco|sergio|pablo|diego|javier
miguel|fernando|ricardo|eduardo|joão|hiroshi|takeshi|kenji|masayoshi|akio|satoshi|yuki|taro|shinji|toshihiro
`);

/** Family names that come first (Chinese, Korean, Vietnamese order). */
export const EAST_ASIAN_SURNAMES = set(`
zhang|wang|li|liu|chen|yang|huang|zhao|wu|zhou|xu|sun|ma|zhu|hu|guo|he|lin|gao|luo|zheng|liang|xie|song|tang|han|feng|deng
cao|peng|zeng|xiao|tian|dong|pan|yuan|cai|jiang|yu|du|ye|cheng|wei|su|lu|ding|ren|shen|yao|jia|fang|jin|lei|qian|qin|kong
bai|cui|kang|mao|qiu|shi|gu|hou|shao|meng|long|wan|duan|lei|tan|yin|lai|fu|zou|xiong|mo|lam|chan|wong|cheung|leung|ng
kim|lee|park|choi|jung|cho|yoon|jang|lim|shin|kwon|hwang|ahn|yoo|namkoong|chung|koo|nguyen|tran|le|pham|hoang|vu|dang
`);
