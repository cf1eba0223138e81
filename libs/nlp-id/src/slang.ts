/**
 * Slang, chat abbreviations and Javanese words as residents of Madiun write
 * them, mapped to standard Indonesian. Written by the project (no third-party
 * dictionary) so it can be shipped under the repository licence.
 *
 * Values may hold several words ("dan lain-lain"); the tokenizer splits them.
 * Words whose meaning depends on context (kali, dr, g) are handled in
 * `expandSlangTokens`, not here.
 */
const SLANG_ENTRIES: ReadonlyArray<readonly [string, string]> = [
  // negation: every spelling must land on "tidak" so negation marking sees it
  ['tdk', 'tidak'], ['tak', 'tidak'], ['gak', 'tidak'], ['ga', 'tidak'], ['gk', 'tidak'],
  ['nggak', 'tidak'], ['ngga', 'tidak'], ['ngak', 'tidak'], ['nggk', 'tidak'], ['enggak', 'tidak'],
  ['engga', 'tidak'], ['kagak', 'tidak'], ['kaga', 'tidak'], ['gag', 'tidak'], ['tdak', 'tidak'],
  ['tida', 'tidak'], ['tidk', 'tidak'], ['tiada', 'tidak ada'], ['mboten', 'tidak'], ['ora', 'tidak'],
  ['orak', 'tidak'], ['gaada', 'tidak ada'], ['gada', 'tidak ada'], ['gakada', 'tidak ada'],
  ['ndak', 'tidak'], ['nda', 'tidak'], ['ndk', 'tidak'], ['dak', 'tidak'], ['gx', 'tidak'],
  ['blm', 'belum'], ['blum', 'belum'], ['belom', 'belum'], ['blom', 'belum'], ['dereng', 'belum'],
  ['durung', 'belum'], ['urung', 'belum'], ['bkn', 'bukan'], ['bukanlah', 'bukan'], ['jgn', 'jangan'],
  ['jangn', 'jangan'], ['ojo', 'jangan'], ['aja', 'saja'], ['aj', 'saja'], ['ajah', 'saja'],
  ['kurg', 'kurang'], ['krg', 'kurang'],
  // time / aspect
  ['sdh', 'sudah'], ['udh', 'sudah'], ['udah', 'sudah'], ['dah', 'sudah'], ['sdah', 'sudah'],
  ['sudh', 'sudah'], ['uda', 'sudah'], ['wes', 'sudah'], ['wis', 'sudah'], ['uwis', 'sudah'],
  ['sampun', 'sudah'], ['skrg', 'sekarang'], ['skr', 'sekarang'], ['skrng', 'sekarang'],
  ['sekarng', 'sekarang'], ['saiki', 'sekarang'], ['lg', 'lagi'], ['lgi', 'lagi'], ['maning', 'lagi'],
  ['meneh', 'lagi'], ['maneh', 'lagi'], ['trs', 'terus'], ['trus', 'terus'], ['terus2an', 'terus-terusan'],
  ['sllu', 'selalu'], ['slalu', 'selalu'], ['sll', 'selalu'], ['kmrn', 'kemarin'], ['kmarin', 'kemarin'],
  ['kemaren', 'kemarin'], ['wingi', 'kemarin'], ['bsk', 'besok'], ['besuk', 'besok'], ['mau', 'mau'],
  ['mo', 'mau'], ['pengen', 'ingin'], ['pingin', 'ingin'], ['pgn', 'ingin'], ['pengin', 'ingin'],
  ['sbntr', 'sebentar'], ['bntr', 'sebentar'], ['ntar', 'nanti'], ['ntr', 'nanti'], ['nnti', 'nanti'],
  ['mengko', 'nanti'], ['tiap', 'setiap'], ['tiep', 'setiap'], ['sering2', 'sering'], ['srg', 'sering'],
  ['jrg', 'jarang'], ['lama2', 'lama-lama'], ['wktu', 'waktu'], ['wkt', 'waktu'],
  ['thn', 'tahun'], ['th', 'tahun'], ['bln', 'bulan'], ['mgg', 'minggu'], ['mggu', 'minggu'],
  ['hr', 'hari'], ['jm', 'jam'], ['mnt', 'menit'], ['dtk', 'detik'], ['tgl', 'tanggal'],
  ['sblm', 'sebelum'], ['stlh', 'setelah'], ['stelah', 'setelah'], ['sampe', 'sampai'],
  ['ampe', 'sampai'], ['smpe', 'sampai'], ['smp2', 'sampai'], ['nganti', 'sampai'], 
  ['mulai', 'mulai'], ['sjk', 'sejak'], ['lbh', 'lebih'], ['lebi', 'lebih'], ['luwih', 'lebih'],
  // pronouns and address
  ['sy', 'saya'], ['aku', 'saya'], ['gw', 'saya'], ['gue', 'saya'], ['gua', 'saya'], ['ak', 'saya'],
  ['aq', 'saya'], ['sya', 'saya'], ['kulo', 'saya'], ['kula', 'saya'], ['dewe', 'sendiri'],
  ['dhewe', 'sendiri'], ['kmi', 'kami'], ['km', 'kamu'], ['kmu', 'kamu'], ['lu', 'kamu'], ['lo', 'kamu'],
  ['elo', 'kamu'], ['koen', 'kamu'], ['kowe', 'kamu'], ['sampeyan', 'anda'], ['njenengan', 'anda'],
  ['panjenengan', 'anda'], ['dia', 'dia'], ['doi', 'dia'], ['dee', 'dia'], ['kt', 'kita'],
  ['qt', 'kita'], ['bpk', 'bapak'], ['pak', 'bapak'], ['bp', 'bapak'], ['bu', 'ibu'], ['ibuk', 'ibu'],
  ['bunda', 'ibu'], ['mas', 'mas'], ['mbak', 'mbak'], ['mba', 'mbak'], ['mbah', 'nenek'],
  ['simbah', 'nenek'], ['org', 'orang'], ['orng', 'orang'], ['wong', 'orang'], ['uwong', 'orang'],
  ['ortu', 'orang tua'], ['anakku', 'anak saya'], ['bocah', 'anak'], ['bocil', 'anak'],
  ['warga2', 'warga-warga'], ['tetangga2', 'tetangga-tetangga'], ['pemkot', 'pemerintah kota'],
  ['pemda', 'pemerintah daerah'], ['pemerintahan', 'pemerintahan'],
  // conjunctions and particles
  ['yg', 'yang'], ['yng', 'yang'], ['yag', 'yang'], ['sing', 'yang'], ['dgn', 'dengan'],
  ['dg', 'dengan'], ['dng', 'dengan'], ['dngn', 'dengan'], ['karo', 'dengan'], ['ambek', 'dengan'],
  ['utk', 'untuk'], ['untk', 'untuk'], ['u/', 'untuk'], ['buat', 'untuk'], ['krn', 'karena'],
  ['karna', 'karena'], ['krna', 'karena'], ['soale', 'soalnya'], ['mergo', 'karena'], ['amarga', 'karena'],
  ['tp', 'tapi'], ['tpi', 'tapi'], ['tapi', 'tapi'], ['nanging', 'tapi'], ['jg', 'juga'],
  ['jga', 'juga'], ['jugak', 'juga'], ['uga', 'juga'], ['kalo', 'kalau'], ['klo', 'kalau'],
  ['klu', 'kalau'], ['kl', 'kalau'], ['kalu', 'kalau'], ['nek', 'kalau'], ['yen', 'kalau'],
  ['dr', 'dari'], ['dri', 'dari'], ['sm', 'sama'], ['ama', 'sama'], ['sma', 'sama'], ['sami', 'sama'],
  ['bs', 'bisa'], ['bsa', 'bisa'], ['iso', 'bisa'], ['isa', 'bisa'], ['saged', 'bisa'], ['dpt', 'dapat'],
  ['dapet', 'dapat'], ['olih', 'dapat'], ['entuk', 'dapat'], ['oleh', 'oleh'], ['dll', 'dan lain-lain'],
  ['dsb', 'dan sebagainya'], ['dst', 'dan seterusnya'], ['dkk', 'dan kawan-kawan'], ['sbg', 'sebagai'],
  ['spt', 'seperti'], ['sprti', 'seperti'], ['kyk', 'seperti'], ['kyak', 'seperti'], ['kayak', 'seperti'],
  ['kaya', 'seperti'], ['koyo', 'seperti'], ['kayane', 'sepertinya'], ['koyoke', 'sepertinya'],
  ['pdhl', 'padahal'], ['pdhal', 'padahal'], ['pdahal', 'padahal'], ['mkn', 'makin'], ['makin', 'makin'],
  ['tambah', 'tambah'], ['smua', 'semua'], ['sm2', 'sama-sama'], ['kabeh', 'semua'], ['sdkt', 'sedikit'],
  ['dikit', 'sedikit'], ['sithik', 'sedikit'], ['titik', 'titik'], ['byk', 'banyak'], ['bnyk', 'banyak'],
  ['banyak', 'banyak'], ['akeh', 'banyak'], ['okeh', 'banyak'], ['akih', 'banyak'], ['ato', 'atau'],
  ['atw', 'atau'], ['atau', 'atau'], ['ttg', 'tentang'], ['tntg', 'tentang'], ['trhdp', 'terhadap'],
  ['thd', 'terhadap'], ['ke', 'ke'], ['nang', 'ke'], ['menyang', 'ke'], ['teko', 'dari'], ['soko', 'dari'],
  ['neng', 'di'], ['ning', 'di'], ['ing', 'di'], ['nggon', 'tempat'], ['panggon', 'tempat'],
  ['gimana', 'bagaimana'], ['gmn', 'bagaimana'], ['gmana', 'bagaimana'], ['bgmn', 'bagaimana'],
  ['piye', 'bagaimana'], ['pripun', 'bagaimana'], ['kpn', 'kapan'], ['kapan', 'kapan'], ['kapan2', 'kapan-kapan'],
  ['knp', 'kenapa'], ['knapa', 'kenapa'], ['ngapa', 'kenapa'], ['ngopo', 'kenapa'], ['kenopo', 'kenapa'],
  ['opo', 'apa'], ['napa', 'kenapa'], ['sopo', 'siapa'], ['sapa', 'siapa'], ['sp', 'siapa'],
  ['ngendi', 'mana'], ['endi', 'mana'], ['pundi', 'mana'], ['dmn', 'di mana'], ['dimn', 'di mana'],
  ['brp', 'berapa'], ['pira', 'berapa'], ['piro', 'berapa'], ['ngeten', 'begini'], ['ngene', 'begini'],
  ['ngono', 'begitu'], ['ngaten', 'begitu'], ['gini', 'begini'], ['gitu', 'begitu'], ['gtu', 'begitu'],
  ['gni', 'begini'], ['emang', 'memang'], ['emg', 'memang'], ['mmg', 'memang'], ['pancen', 'memang'],
  ['cuma', 'cuma'], ['cm', 'cuma'], ['cuman', 'cuma'], ['mung', 'cuma'], ['mek', 'cuma'], ['namung', 'cuma'],
  ['ae', 'saja'], ['wae', 'saja'], ['mawon', 'saja'], ['tok', 'saja'], ['kok', 'kok'], ['ya', 'ya'],
  ['iya', 'ya'], ['iy', 'ya'], ['yaa', 'ya'], ['nggih', 'ya'], ['inggih', 'ya'], ['yo', 'ya'], 
  ['ok', 'oke'], ['oke', 'oke'], ['okey', 'oke'], ['okay', 'oke'], ['oce', 'oke'], ['sip', 'oke'],
  ['siip', 'oke'], ['mksd', 'maksud'], ['mksdnya', 'maksudnya'], ['tau', 'tahu'], ['tw', 'tahu'],
  ['ngerti', 'tahu'], ['weruh', 'lihat'], ['ndelok', 'lihat'], ['liat', 'lihat'], ['ngliat', 'melihat'],
  ['ngeliat', 'melihat'], ['ngomong', 'bicara'], ['ngomel', 'mengomel'], ['ngeluh', 'mengeluh'],
  ['ngelapor', 'melapor'], ['lapor', 'lapor'], ['nglapor', 'melapor'], ['ngurus', 'mengurus'],
  ['ngantri', 'mengantre'], ['ngantre', 'mengantre'], ['antri', 'antre'], ['antrian', 'antrean'],
  ['nunggu', 'menunggu'], ['nungguin', 'menunggu'], ['ngenteni', 'menunggu'], ['nyari', 'mencari'],
  ['nanya', 'bertanya'], ['nanyain', 'menanyakan'], ['takon', 'tanya'], ['ngasih', 'memberi'],
  ['kasih', 'kasih'], ['dikasih', 'diberi'], ['ngebut', 'mengebut'], ['nyampah', 'buang sampah'],
  ['mbuang', 'membuang'], ['mbenerin', 'memperbaiki'], ['benerin', 'perbaiki'], ['dibenerin', 'diperbaiki'],
  ['dibenahi', 'diperbaiki'], ['didandani', 'diperbaiki'], ['ndandani', 'memperbaiki'],
  ['dibetulin', 'diperbaiki'], ['betulin', 'perbaiki'], ['dicek', 'dicek'], ['dicheck', 'dicek'],
  ['dibiarin', 'dibiarkan'], ['diumbar', 'dibiarkan'], ['dijarke', 'dibiarkan'], ['dijarno', 'dibiarkan'],
  ['dicuekin', 'diabaikan'], ['dicuekkan', 'diabaikan'], ['cuek', 'acuh'], ['ditinggal', 'ditinggal'],
  ['ngilang', 'menghilang'], ['ilang', 'hilang'], ['nyala', 'menyala'], ['murup', 'menyala'],
  ['urip', 'hidup'], ['nyumbat', 'menyumbat'], ['mampet', 'mampet'], ['buntu', 'buntu'],
  // intensifiers and degree
  ['bgt', 'banget'], ['bngt', 'banget'], ['bangett', 'banget'], ['bgtt', 'banget'], ['pol', 'banget'],
  ['poll', 'banget'], ['puol', 'banget'], ['nemen', 'banget'], ['sngt', 'sangat'],
  ['sgt', 'sangat'], ['sanget', 'sangat'], ['bener', 'benar'], ['bner', 'benar'], ['bnr', 'benar'],
  ['bnr2', 'benar-benar'], ['tenan', 'benar'], ['tenanan', 'benar-benar'], ['sekali', 'sekali'],
  ['skli', 'sekali'], ['sekale', 'sekali'], ['dikit2', 'sedikit-sedikit'], ['agk', 'agak'], ['rada', 'agak'],
  ['rodo', 'agak'], ['paling', 'paling'], ['plg', 'paling'], ['amat', 'amat'],
  // requests and politeness
  ['tlg', 'tolong'], ['tolongin', 'tolong'], ['tulung', 'tolong'], ['mhn', 'mohon'], ['mohn', 'mohon'],
  ['nyuwun', 'mohon'], ['hrp', 'harap'], ['hrap', 'harap'], ['mgkn', 'mungkin'], ['mngkn', 'mungkin'],
  ['mungkn', 'mungkin'], ['mbok', 'mohon'], ['monggo', 'silakan'], ['mangga', 'silakan'], ['silahkan', 'silakan'],
  ['plis', 'tolong'], ['pliss', 'tolong'], ['please', 'tolong'], ['pls', 'tolong'], ['plz', 'tolong'],
  ['trims', 'terima kasih'], ['trimakasih', 'terima kasih'], ['terimakasih', 'terima kasih'],
  ['makasih', 'terima kasih'], ['makasi', 'terima kasih'], ['mksh', 'terima kasih'], ['mkasih', 'terima kasih'],
  ['thx', 'terima kasih'], ['thanks', 'terima kasih'], ['tks', 'terima kasih'], ['tq', 'terima kasih'],
  ['ty', 'terima kasih'], ['suwun', 'terima kasih'], ['nuwun', 'terima kasih'], ['maturnuwun', 'terima kasih'],
  ['maaf', 'maaf'], ['mf', 'maaf'], ['mav', 'maaf'], ['sorry', 'maaf'], ['sori', 'maaf'],
  ['ngapunten', 'maaf'], ['pangapunten', 'maaf'], ['assalamualaikum', 'salam'], ['ass', 'salam'],
  ['askum', 'salam'], ['slmt', 'selamat'], ['met', 'selamat'],
  // places, offices, public-service words
  ['jln', 'jalan'], ['jl', 'jalan'], ['jalan2', 'jalan-jalan'], ['dalan', 'jalan'], ['ratan', 'jalan'],
  ['gg', 'gang'], ['kec', 'kecamatan'], ['kel', 'kelurahan'], ['kelurahane', 'kelurahan'],
  ['kab', 'kabupaten'], ['prov', 'provinsi'], ['no', 'nomor'], ['nmr', 'nomor'], ['nomer', 'nomor'],
  ['omah', 'rumah'], ['umah', 'rumah'], ['griya', 'rumah'], ['rmh', 'rumah'], ['rmah', 'rumah'],
  ['sekolahan', 'sekolah'], ['skolah', 'sekolah'], ['sklh', 'sekolah'], ['pasare', 'pasar'],
  ['banyu', 'air'], ['toya', 'air'], ['kalen', 'selokan'], ['got', 'selokan'], ['comberan', 'selokan'],
  ['lampune', 'lampunya'], ['dalane', 'jalannya'], ['omahe', 'rumahnya'], ['banyune', 'airnya'],
  ['sampahe', 'sampahnya'], ['uwuh', 'sampah'], ['rubbish', 'sampah'], ['peteng', 'gelap'],
  ['petenge', 'gelapnya'], ['mati', 'mati'], ['mbleduk', 'meledak'], ['bolong', 'berlubang'],
  ['growong', 'berlubang'], ['jeglongan', 'lubang'], ['lobang', 'lubang'], ['lubang2', 'lubang-lubang'],
  ['rusuh', 'rusuh'], ['ajur', 'hancur'], ['remuk', 'hancur'], ['bosok', 'busuk'], ['mambu', 'bau'],
  ['ambu', 'bau'], ['ambune', 'baunya'], ['bacin', 'busuk'], ['reged', 'kotor'], ['kumuh', 'kumuh'],
  ['resik', 'bersih'], ['adem', 'sejuk'], ['panas', 'panas'], ['sumuk', 'gerah'], ['kebanjiran', 'kebanjiran'],
  ['banjire', 'banjirnya'], ['kelebon', 'kemasukan'], ['mlebu', 'masuk'], ['metu', 'keluar'],
  ['ambrol', 'ambrol'], ['ambles', 'ambles'], ['amblas', 'ambles'], ['dalan rusak', 'jalan rusak'],
  ['puskesmase', 'puskesmasnya'], ['rs', 'rumah sakit'], ['rsud', 'rumah sakit daerah'],
  ['dokter', 'dokter'], ['dok', 'dokter'], ['nakes', 'tenaga kesehatan'], ['petugase', 'petugasnya'],
  ['pegawe', 'pegawai'], ['pegawene', 'pegawainya'], ['ktp', 'ktp'], ['kk', 'kartu keluarga'],
  ['e-ktp', 'ktp'], ['ektp', 'ktp'], ['bansos', 'bantuan sosial'], ['blt', 'bantuan tunai'],
  ['pkl', 'pedagang kaki lima'], ['pju', 'lampu jalan'], ['lpj', 'lampu jalan'], ['tpa', 'tpa'],
  ['tps', 'tps'], ['dlh', 'dinas lingkungan hidup'], ['pupr', 'pupr'], ['dishub', 'dinas perhubungan'],
  ['dinkes', 'dinas kesehatan'], ['disdik', 'dinas pendidikan'], ['dispendukcapil', 'dukcapil'],
  ['capil', 'dukcapil'], ['hp', 'ponsel'], ['henpon', 'ponsel'], ['wa', 'whatsapp'], ['wifi', 'wifi'],
  ['wi-fi', 'wifi'], ['internet', 'internet'], ['inet', 'internet'], ['apk', 'aplikasi'], ['app', 'aplikasi'],
  ['aplikasine', 'aplikasinya'], ['web', 'situs'], ['website', 'situs'], ['online', 'daring'],
  ['offline', 'luring'], ['error', 'galat'], ['eror', 'galat'], ['erorr', 'galat'], ['down', 'mati'],
  ['lemot', 'lambat'], ['lelet', 'lambat'], ['lola', 'lambat'], ['suwe', 'lama'], ['sue', 'lama'],
  ['alon', 'pelan'], ['ndang', 'segera'], ['gage', 'segera'], ['cepet', 'cepat'], ['cpt', 'cepat'],
  ['cepetan', 'cepat'], ['sgr', 'segera'], ['asap', 'segera'], ['angel', 'susah'], ['ribet', 'ribet'],
  ['ruwet', 'ribet'], ['mbulet', 'berbelit'], ['njlimet', 'ribet'], ['gampang', 'mudah'], ['gmpang', 'mudah'],
  ['larang', 'mahal'], ['murah', 'murah'], ['duit', 'uang'], ['dhuwit', 'uang'], ['doku', 'uang'],
  ['pungutan liar', 'pungli'], ['sogok', 'suap'], ['sogokan', 'suap'], ['nyogok', 'menyuap'],
  ['telat', 'telat'], ['tlt', 'telat'], ['molor', 'molor'], ['mangkrak', 'mangkrak'], ['macet', 'macet'],
  ['mcet', 'macet'], ['mogok', 'mogok'], ['ngadat', 'macet'], ['semrawut', 'semrawut'], ['semrawud', 'semrawut'],
  ['mbledos', 'meledak'], ['nyolong', 'mencuri'], ['dicolong', 'dicuri'], ['maling', 'maling'],
  ['begal', 'begal'], ['preman', 'preman'], ['mabuk', 'mabuk'], ['mabok', 'mabuk'], ['ugal2an', 'ugal-ugalan'],
  ['balapan', 'balapan'], ['bali', 'bali'], ['mulih', 'pulang'], ['budhal', 'berangkat'], ['mangkat', 'berangkat'],
  ['ndelik', 'sembunyi'], ['mlaku', 'jalan kaki'], ['numpak', 'naik'], ['sepedah', 'sepeda'],
  ['montor', 'motor'], ['mtr', 'motor'], ['angkot', 'angkutan kota'],
  ['ojol', 'ojek daring'], ['parkire', 'parkirnya'], ['jukir', 'juru parkir'], ['tukang parkir', 'juru parkir'],
  ['lampu merah', 'lampu lalu lintas'], ['bangjo', 'lampu lalu lintas'], ['traffic light', 'lampu lalu lintas'],
  ['kerjo', 'kerja'], ['nyambut gawe', 'bekerja'], ['gawe', 'kerja'], ['kerjaan', 'pekerjaan'],
  ['loker', 'lowongan kerja'], ['nganggur', 'menganggur'], ['phk', 'phk'], ['gaji', 'gaji'], ['bayare', 'bayarnya'],
  ['ngerti', 'mengerti'], ['mudeng', 'paham'], ['bingung', 'bingung'], ['mumet', 'pusing'], ['puyeng', 'pusing'],
  ['seneng', 'senang'], ['sneng', 'senang'], ['bungah', 'senang'], ['susah', 'susah'], ['sedih', 'sedih'],
  ['nesu', 'marah'], ['muntab', 'marah'], ['gela', 'kecewa'], ['kuciwa', 'kecewa'], ['kcewa', 'kecewa'],
  ['kecewa', 'kecewa'], ['mantab', 'mantap'], ['mantul', 'mantap'], ['mantep', 'mantap'], ['mntp', 'mantap'],
  ['josss', 'mantap'], ['jos', 'mantap'], ['joss', 'mantap'], ['top', 'bagus'], ['keren', 'keren'],
  ['apik', 'bagus'], ['sae', 'bagus'], ['becik', 'baik'], ['elek', 'jelek'], ['jlek', 'jelek'],
  ['jelek', 'jelek'], ['parah', 'parah'], ['prh', 'parah'], ['ancur', 'hancur'], ['ngeri', 'ngeri'],
  ['medeni', 'menakutkan'], ['wedi', 'takut'], ['ajrih', 'takut'], ['bahaya', 'bahaya'], ['mbebayani', 'membahayakan'],
  ['lunyu', 'licin'], ['keplese', 'terpeleset'], ['tibo', 'jatuh'], ['ceblok', 'jatuh'],
  ['kecemplung', 'tercebur'], ['kelelep', 'tenggelam'], ['kesel', 'kesal'], ['sebel', 'sebal'],
  ['gedeg', 'kesal'], ['jengkel', 'jengkel'], ['dongkol', 'kesal'], ['ramah', 'ramah'], ['grapyak', 'ramah'],
  ['judes', 'judes'], ['galak', 'galak'], ['jutek', 'judes'], ['sangar', 'galak'], ['males', 'malas'],
  ['mlz', 'malas'], ['kesuwen', 'kelamaan'], ['kelamaan', 'kelamaan'], ['suwi', 'lama'],
  // everyday verbs and adjectives in messages
  ['mnrt', 'menurut'], ['mnurut', 'menurut'], ['bwt', 'untuk'], ['bikin', 'membuat'], ['bkin', 'membuat'],
  ['dibikin', 'dibuat'], ['gawekke', 'buatkan'], ['kasi', 'beri'], ['kasian', 'kasihan'], ['kasihan', 'kasihan'],
  ['melas', 'kasihan'], ['pye', 'bagaimana'], ['ngene iki', 'begini'], ['iki', 'ini'], ['kuwi', 'itu'],
  ['kae', 'itu'], ['niki', 'ini'], ['niku', 'itu'], ['nie', 'ini'], ['ni', 'ini'], ['tu', 'itu'], ['tuh', 'itu'],
  ['nih', 'ini'], ['ni2', 'ini'], ['dlm', 'dalam'], ['dalem', 'dalam'], ['lwt', 'lewat'], ['liwat', 'lewat'],
  ['dket', 'dekat'], ['dkt', 'dekat'], ['cedak', 'dekat'], ['adoh', 'jauh'], ['gede', 'besar'], ['gedhe', 'besar'],
  ['cilik', 'kecil'], ['dhuwur', 'tinggi'], ['duwur', 'tinggi'], ['endek', 'rendah'], ['jero', 'dalam'],
  ['amba', 'lebar'], ['ciut', 'sempit'], ['sesek', 'sesak'], ['rame', 'ramai'], ['rmai', 'ramai'],
  ['sepi', 'sepi'], ['anyar', 'baru'], ['lawas', 'lama'], ['reyot', 'reyot'], ['bobrok', 'rusak'],
  ['rsk', 'rusak'], ['rusak2', 'rusak'], ['pecah', 'pecah'], ['ambyar', 'hancur'], ['keropos', 'keropos'],
  ['mendem', 'tergenang'], ['nggenang', 'menggenang'], ['ngumpul', 'berkumpul'], ['numpuk', 'menumpuk'],
  ['mbludak', 'meluap'], ['meluber', 'meluap'], ['mluber', 'meluap'], ['luber', 'meluap'], ['nyangkut', 'tersangkut'],
  ['kudu', 'harus'], ['kudune', 'harusnya'], ['mesti', 'harus'], ['msti', 'harus'], ['hrs', 'harus'],
  ['harusnya', 'seharusnya'], ['sharusnya', 'seharusnya'], ['seharuse', 'seharusnya'], ['isih', 'masih'],
  ['masi', 'masih'], ['msh', 'masih'], ['msih', 'masih'], ['ttp', 'tetap'], ['tetep', 'tetap'], ['ttep', 'tetap'],
  ['tambah2', 'tambah'], ['mbok menawa', 'mungkin'], ['menawi', 'kalau'], ['mugi', 'semoga'],
  ['mugo', 'semoga'], ['muga2', 'semoga'], ['smoga', 'semoga'], ['smg', 'semoga'], ['moga2', 'semoga'],
  ['moga', 'semoga'], ['amin', 'amin'], ['aamiin', 'amin'], ['amiin', 'amin'], ['insyaallah', 'insyaallah'],
  ['gpp', 'tidak apa-apa'], ['gapapa', 'tidak apa-apa'], ['ngapain', 'untuk apa'], ['pokoke', 'pokoknya'],
  ['pokok e', 'pokoknya'], ['kabeh e', 'semuanya'], ['wkwk', 'tertawa'], ['wkwkwk', 'tertawa'],
  ['haha', 'tertawa'], ['hahaha', 'tertawa'], ['xixixi', 'tertawa'], ['hehe', 'tertawa'], ['hihi', 'tertawa'],
  ['lol', 'tertawa'], ['btw', 'omong-omong'], ['fyi', 'sebagai informasi'], ['info', 'info'], ['inpo', 'info'],
  ['infonya', 'infonya'], ['min', 'admin'], ['mimin', 'admin'], ['sob', 'sobat'], ['gan', 'juragan'],
  ['rek', 'kawan'], ['cak', 'mas'], ['lur', 'saudara'], ['dulur', 'saudara'],
  ['sedulur', 'saudara'], ['kanca', 'teman'], ['konco', 'teman'], ['temen2', 'teman-teman'],
];

const SLANG_MAP: ReadonlyMap<string, readonly string[]> = new Map(
  SLANG_ENTRIES.filter(([k]) => !k.includes(' ')).map(([k, v]) => [k, v.split(' ')] as const),
);

/** Two-word slang keyed "a b" (e.g. "matur nuwun"); checked before single words. */
const SLANG_BIGRAMS: ReadonlyMap<string, readonly string[]> = new Map([
  ...SLANG_ENTRIES.filter(([k]) => k.includes(' ')).map(([k, v]) => [k, v.split(' ')] as const),
  ['matur nuwun', ['terima', 'kasih']],
  ['matur suwun', ['terima', 'kasih']],
  ['maturnuwun sanget', ['terima', 'kasih', 'banyak']],
  ['terima kasi', ['terima', 'kasih']],
  ['tidak ono', ['tidak', 'ada']],
  ['ora ono', ['tidak', 'ada']],
  ['ora enek', ['tidak', 'ada']],
  ['gak onok', ['tidak', 'ada']],
  ['gak enek', ['tidak', 'ada']],
  ['ga ada', ['tidak', 'ada']],
  ['ora iso', ['tidak', 'bisa']],
  ['gak iso', ['tidak', 'bisa']],
  ['ora popo', ['tidak', 'apa-apa']],
  ['rak popo', ['tidak', 'apa-apa']],
  ['ora mlaku', ['tidak', 'berjalan']],
]);

/** SLANG_BIGRAMS by first word, then second word: no "a b" key string per adjacent pair of tokens. */
const SLANG_BIGRAM_HEADS: ReadonlyMap<string, ReadonlyMap<string, readonly string[]>> = (() => {
  const m = new Map<string, Map<string, readonly string[]>>();
  for (const [k, v] of SLANG_BIGRAMS) {
    const sp = k.indexOf(' ');
    const head = k.slice(0, sp);
    let inner = m.get(head);
    if (!inner) m.set(head, (inner = new Map()));
    inner.set(k.slice(sp + 1), v);
  }
  return m;
})();

/** Words that stay as they are in a bigram key lookup even if they are slang themselves. */
export function slangLookup(word: string): readonly string[] | undefined {
  return SLANG_MAP.get(word);
}

export function slangBigramLookup(a: string, b: string): readonly string[] | undefined {
  return SLANG_BIGRAMS.get(a + ' ' + b);
}

/** Number of entries, exported so tests can check the lexicon stays broad. */
export const SLANG_SIZE = SLANG_MAP.size + SLANG_BIGRAMS.size;

// "kali" is Javanese for river but Indonesian for "times"; these neighbours say river.
const RIVER_BEFORE = new Set([
  'di', 'ke', 'dari', 'pinggir', 'pinggiran', 'tepi', 'bantaran', 'sepanjang', 'bibir', 'aliran', 'dekat',
  'seberang', 'sekitar', 'kawasan', 'normalisasi', 'pengerukan', 'tanggul', 'jembatan', 'air', 'sempadan',
  'hulu', 'hilir', 'dasar', 'muara', 'tengah',
]);
const RIVER_AFTER = new Set([
  'madiun', 'gandong', 'catur', 'sono', 'meluap', 'banjir', 'kotor', 'tercemar', 'dangkal', 'penuh', 'bau',
  'mampet', 'jebol', 'longsor', 'keruh', 'surut', 'airnya', 'nya',
]);
const TIMES_BEFORE = new Set([
  'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan', 'sepuluh', 'beberapa',
  'berapa', 'banyak', 'sekian', 'ribuan', 'puluhan', 'ratusan', 'berkali', 'se', 'sampai', 'hingga',
]);

/** "kali" at `i`: "sungai" (river) after "di"/"tepi"… or before "madiun"/"meluap"…, unless a count precedes it. */
export function kaliReading(tokens: readonly string[], kinds: readonly string[], i: number, n = tokens.length): 'sungai' | 'kali' {
  const prev = i > 0 ? tokens[i - 1] : '';
  const next = i + 1 < n ? tokens[i + 1] : '';
  const prevIsCount = TIMES_BEFORE.has(prev) || (i > 0 && kinds[i - 1] === 'number');
  return !prevIsCount && (RIVER_BEFORE.has(prev) || RIVER_AFTER.has(next)) ? 'sungai' : 'kali';
}

/** Words whose expansion depends on their neighbours (see `expandSlangTokens`). */
export const SLANG_RULE_KALI = 1;
export const SLANG_RULE_DR = 2;
export const SLANG_RULE_G = 3;

/** Which context rule of `expandSlangTokens` applies to a word, 0 if none. */
export function slangRule(word: string): number {
  if (word === 'kali') return SLANG_RULE_KALI;
  if (word === 'dr') return SLANG_RULE_DR;
  if (word === 'g' || word === 'gk') return SLANG_RULE_G;
  return 0;
}

/** Two-word slang starting with `word`: second word -> expansion. */
export function slangBigramHeads(word: string): ReadonlyMap<string, readonly string[]> | undefined {
  return SLANG_BIGRAM_HEADS.get(word);
}

/**
 * Expands slang in place on a token list. `kinds` runs parallel to `tokens`
 * and only 'word' tokens are looked up; returns fresh arrays.
 */
export function expandSlangTokens(
  tokens: readonly string[],
  kinds: readonly string[],
): { tokens: string[]; kinds: string[] } {
  const outT: string[] = [];
  const outK: string[] = [];
  const n = tokens.length;
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    const k = kinds[i];
    if (k !== 'word') {
      outT.push(t);
      outK.push(k);
      continue;
    }
    const heads = SLANG_BIGRAM_HEADS.get(t);
    if (heads !== undefined && i + 1 < n && kinds[i + 1] === 'word') {
      const bi = heads.get(tokens[i + 1]);
      if (bi) {
        for (const w of bi) { outT.push(w); outK.push('word'); }
        i++;
        continue;
      }
    }
    if (t === 'kali') {
      outT.push(kaliReading(tokens, kinds, i));
      outK.push('word');
      continue;
    }
    if (t === 'dr' && i + 1 < n && tokens[i + 1] === '.') {
      // "dr." before a name is a doctor's title (RSUD dr. Soedono), not "dari".
      outT.push('dokter');
      outK.push('word');
      i++;
      continue;
    }
    if (t === 'g' || t === 'gk') {
      // A lone "g" is only negation when a word follows it, not in "5 g" (grams).
      const prevNum = i > 0 && kinds[i - 1] === 'number';
      outT.push(prevNum ? t : 'tidak');
      outK.push('word');
      continue;
    }
    const rep = SLANG_MAP.get(t);
    if (rep) {
      for (const w of rep) { outT.push(w); outK.push('word'); }
    } else {
      outT.push(t);
      outK.push(k);
    }
  }
  return { tokens: outT, kinds: outK };
}
