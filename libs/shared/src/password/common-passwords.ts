/**
 * Passwords that attackers try first: the head of the public breach-frequency lists (the 10k-most-common
 * lists, SecLists), keyboard walks, the Chinese favourites (woaini1314, 5201314, qq123456…), this
 * project's own demo and placeholder passwords, and season/year patterns. Shipped with the code (no
 * network at run time). Entries shorter than 8 characters are here too: the base of a longer password
 * is checked against them after its trailing digits and symbols are taken off (`dragon2026!`).
 * Lower case, separated by white space.
 */
const LIST = `
123456 password 12345678 qwerty 123456789 12345 1234 111111 1234567 dragon 123123 baseball abc123 football monkey letmein 696969 shadow master 666666
qwertyuiop 123321 mustang 1234567890 michael 654321 superman 1qaz2wsx 7777777 121212 000000 qazwsx 123qwe killer trustno1 jordan jennifer zxcvbnm
asdfgh hunter buster soccer harley batman andrew tigger sunshine iloveyou 2000 charlie robert thomas hockey ranger daniel starwars klaster 112233
george computer michelle jessica pepper 1111 zxcvbn 555555 11111111 131313 freedom 777777 pass maggie 159753 aaaaaa ginger princess joshua cheese
amanda summer love ashley nicole chelsea biteme matthew access yankees 987654321 dallas austin thunder taylor matrix mobilemail mom monitor monitoring
montana moon moscow whatever welcome welcome1 welcome123 passw0rd p@ssw0rd p@ssword pa55word password1 password12 password123 password1234 password!
passwort motdepasse contrasena senha parola wachtwoord salasana haslo qwerty1 qwerty12 qwerty123 qwerty1234 qwertyui qwertyu qwert12345 qwer1234
1234qwer asdf1234 asdfasdf asdfghjk asdfghjkl zxcvbnm1 zaq12wsx zaq1zaq1 1q2w3e4r 1q2w3e4r5t 1q2w3e4r5t6y 1qazxsw2 1qaz2wsx3edc q1w2e3r4 q1w2e3r4t5
a1b2c3d4 abcd1234 abc12345 abc123456 abcdefg abcdefgh abcdefghi 12341234 12344321 123123123 123321123 12121212 11223344 112233445566 147258369
147852369 159357 1597532486 741852963 963852741 789456123 123654789 123456789a 123456a 123456aa 123456abc a123456 a1234567 a12345678 a123456789
aa123456 aa12345678 aaa111 aaaaaaaa aaaaaaaaa abcabc abcabcabc 1a2b3c4d 000000000 00000000 0000000000 0123456789 01234567 098765432 0987654321
09876543 87654321 88888888 99999999 22222222 33333333 44444444 55555555 66666666 77777777 12345678910 11111111111 1111111111 111111111 1234512345
123454321 5201314 52013145201314 woaini woaini1314 woaini520 woaini123 iloveyou1 iloveyou2 iloveu 1314520 1314521 5211314 520520 caonima wangyang
zhang123 wang123 wang1234 li123456 liu123456 chen123456 zhangwei wangwei qq123456 qq5201314 qwe123 qwe123456 qweasd qweasdzxc qweqwe asd123 asd123456
asdasd asdasdasd zxc123 zxc123456 zxcvbn123 1qaz2wsx! admin admin1 admin12 admin123 admin1234 admin12345 admin@123 admin-demo admin2024 admin2025
admin2026 administrator administrator1 root root123 root1234 toor superuser supervisor sysadmin system manager manager1 guest guest123 user user123
user1234 test test123 test1234 test12345 testtest testing testing123 tester demo demo123 demo1234 demo12345 demodemo default default1 changeme
changeme1 changeme123 change-me change_me changeit letmein1 letmein123 openup opensesame secret secret1 secret123 secret1234 topsecret private
iloveyou123 sunshine1 princess1 football1 baseball1 superman1 batman123 monkey123 dragon123 shadow123 master123 master12 charlie1 michael1 jordan23
jessica1 hello hello123 hello1234 helloworld hellokitty goodluck goodluck1 lovely loveme lover lovelove love1234 iloveme trustme whatever1 nothing
blahblah fuckyou fuckoff 666666666 18881888 168168 168168168 8888888888 666888 888666 66668888 88886666 987654 abcde12345 12345abcde 12345qwert qwert
qwertz qwertz123 azerty azerty123 ytrewq 123ewq 321321 3213213 computer1 internet internet1 service service1 company company1 office office123 spring
summer1 autumn winter spring2024 summer2024 autumn2024 winter2024 spring2025 summer2025 winter2025 spring2026 summer2026 autumn2026 winter2026 january
february march april june july august september october november december monday friday sunday football123 baseball123 soccer123 hockey1 basketball
basketball1 tennis golfer golf1234 pokemon pokemon1 minecraft minecraft1 starwars1 batman1 spiderman ironman pikachu naruto doraemon snoopy mickey
mickeymouse disney liverpool arsenal chelsea1 barcelona realmadrid manchester juventus ferrari porsche mercedes corvette yamaha harley1 mustang1
camaro ncc1701 matrix1 zaq123 zaq12345 xsw23edc 3edc4rfv 4rfv5tgb 1qa2ws3ed qazwsxedc qazwsx123 qaz123 wsx123 1q2w3e 1q2w3e4r! !qaz2wsx 1234abcd
abcd4321 aaaa1111 aa112233 abc112233 11qq22ww 1qazzaq1 zxcasdqwe q1w2e3 pass1234 pass123 pass12345 passpass password01 password11 password2 password3
password9 mypassword mypass mypass123 newpassword newpass oldpassword yourpassword thepassword passwords password2024 password2025 password2026
letmein! welcome! welcome2024 welcome2025 welcome2026 abc@123 abc123! 123abc 123abc456 1234abc china china123 chinese beijing shanghai guangzhou
shenzhen zhuhai yunfu huawei xiaomi baidu taobao tencent wechat weixin alibaba 12345678a 12345678q 1234567a 1234567q 1234567890a 123456789q 123456qwe
123456qq a1s2d3f4 z1x2c3v4 qwerty12345 qwerty123456 iloveyou! fuckyou1 trustno12 michelle1 jennifer1 sunshine123 princess123 charlie123 killer123
freedom1 whatever123 asdfgh123 zxcvbnm123 1qaz@wsx 1qaz!qaz 2wsx3edc 123qweasd 123qweasdzxc qwe123qwe abc123abc aaa123456 a1a2a3a4 1a2a3a4a5
abcd123456 123456789abc 1234567890qwe 1122334455 1234554321 1029384756 13579 135792468 2468013579 24682468 13571357 123456123 12345612 qqqqqqqq
wwwwwwww zzzzzzzz xxxxxxxx 1qaz1qaz 2wsx2wsx password1! password123! p@ssw0rd1 p@ssw0rd123 passw0rd1 passw0rd123 admin123! admin@1234 root@123
test@123 user@123 welcome@123 china@123 abc@1234 qwe@123 pa$$word pa$$w0rd
change-me-admin-password change-me-to-a-long-random-string changemeplease change-me-please admin-password adminpassword
`;

export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(LIST.split(/\s+/).filter(Boolean));
