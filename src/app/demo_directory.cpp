#include "app/demo_directory.hpp"

#include <string>
#include <vector>

#include "directory/directory_service.hpp"

namespace tsunagu::app {
namespace {

struct DemoEntry {
  const char* category;
  const char* name;
  const char* furigana;
  const char* description;
  const char* eligibility;
  const char* fees;
  const char* application;
  const char* schedule;
  const char* phone;
  const char* address;  // in みどり市, つなぐ県
  const char* access;
};

struct DemoProvider {
  const char* name;
  const char* furigana;
  const char* description;
  const char* website;
  std::vector<DemoEntry> entries;
};

const std::vector<DemoProvider>& PrefectureProviders() {
  static const std::vector<DemoProvider> providers = {
      {"つなぐ県がん・生殖医療ネットワーク",
       "つなぐけんがんせいしょくいりょうねっとわーく",
       "県内のがん治療施設と生殖医療施設が連携し、治療前の妊孕性温存の相談と施設の紹介を行います。",
       "https://example.jp/gan-seishoku/",
       {{"fertility", "がん・生殖医療相談窓口", "がんせいしょくいりょうそうだんまどぐち",
         "がん治療が将来の妊娠・出産に与える影響や、妊孕性温存療法について、生殖医療の専門の看護"
         "師がお話を伺い、県内の実施施設を紹介します。",
         "がんと診断された43歳未満の方とご家族", "無料", "電話で予約してください。",
         "平日 9:00〜16:00", "096-300-1101", "中央1-2-3 つなぐ県総合保健センター3階",
         "みどり駅から徒歩5分"}}},
      {"つなぐ県がん連携サポートセンター",
       "つなぐけんがんれんけいさぽーとせんたー",
       "県のがん相談支援、私のカルテの運用、がんサロンとピア・サポートの支援を行っています。",
       "https://example.jp/gan-support/",
       {{"employment", "治療と仕事の両立支援相談", "ちりょうとしごとのりょうりつしえんそうだん",
         "両立支援コーディネーターが、職場への伝え方、休職・復職、働き方の工夫を一緒に考えます。"
         "事業主の方からのご相談も受け付けます。",
         "がんや難病の治療を受けながら働く方、ご家族、事業主・人事担当の方", "無料",
         "電話またはメールで予約してください。オンライン相談もできます。",
         "平日 9:00〜17:00（祝日・年末年始を除く）", "096-300-1102",
         "中央1-2-3 つなぐ県総合保健センター2階", "みどり駅から徒歩5分"},
        {"my_karte", "私のカルテ（がん地域連携パス）のご案内", "わたしのかるてのごあんない",
         "拠点病院とかかりつけ医が治療の計画と経過を共有する「私のカルテ」の使い方と、対応する"
         "医療機関をご案内します。",
         "県内のがん診療連携拠点病院で治療を受けている方", "無料",
         "主治医または相談支援センターにお尋ねください。", "平日 9:00〜17:00", "096-300-1103", "",
         ""},
        {"disaster", "災害時の備え（がん治療中の方へ）", "さいがいじのそなえ",
         "地震などの災害に備え、お薬手帳や治療の記録の持ち出し、避難先での治療継続の相談先を"
         "まとめています。熊本地震の経験から作成しました。",
         "がん治療中の方とご家族", "無料", "ウェブサイトから資料をご覧ください。", "", "", "",
         ""}}},
      {"つなぐ県社会保険労務士会 相談窓口",
       "つなぐけんしゃかいほけんろうむしかい",
       "社会保険労務士が、働く方の制度と手続きについて無料で相談に応じます。",
       "https://example.jp/sr-tsunagu/",
       {{"labor_and_law", "社労士による治療と仕事の両立相談", "しゃろうしによるりょうりつそうだん",
         "傷病手当金、障害年金、休職・復職の手続き、就業規則について、社会保険労務士がご相談に"
         "応じます。",
         "治療中の方、ご家族、事業主の方", "無料（1回45分）", "電話で予約してください。",
         "毎月第2・第4水曜 13:00〜16:00", "096-300-2201", "東町4-5-6 社労士会館1階",
         "みどり駅からバスで10分「東町」下車"}}},
      {"つなぐ県弁護士会 法律相談センター",
       "つなぐけんべんごしかいほうりつそうだんせんたー",
       "弁護士による法律相談の窓口です。",
       "https://example.jp/bengoshi/",
       {{"labor_and_law", "病気と仕事の法律相談", "びょうきとしごとのほうりつそうだん",
         "解雇や配置転換、職場での不利益な扱いなど、病気を理由とする労働問題について弁護士が"
         "相談に応じます。",
         "県内にお住まいか、県内で働いている方", "初回30分無料", "電話で予約してください。",
         "平日 10:00〜16:00", "096-300-2301", "本町7-8-9 弁護士会館2階", "みどり駅から徒歩8分"}}},
      {"ハローワークみどり 専門援助部門",
       "はろーわーくみどり",
       "公共職業安定所の、障害のある方や長期療養中の方の就職を支援する部門です。",
       "https://example.jp/hellowork-midori/",
       {{"hello_work", "長期療養者の就職支援（就職支援ナビゲーター）",
         "ちょうきりょうようしゃのしゅうしょくしえん",
         "就職支援ナビゲーターが、治療の状況に合った仕事探しと応募書類の作成、面接の準備を支援"
         "します。拠点病院での出張相談も行っています。",
         "がん・肝炎・糖尿病などで長期にわたる治療を受けながら仕事を探す方", "無料",
         "窓口で「長期療養者の就職支援」とお伝えください。予約もできます。", "平日 8:30〜17:15",
         "096-300-3301", "西町2-3-4 みどり合同庁舎1階", "みどり駅から徒歩12分"}}},
      {"つなぐ県がん情報ポータル",
       "つなぐけんがんじょうほうぽーたる",
       "県が運営する、がんに関する情報の案内サイトです。",
       "https://example.jp/gan-info/",
       {{"trusted_info", "信頼できるがん情報サイトの案内", "しんらいできるがんじょうほう",
         "国や専門機関が作成した、根拠に基づくがん情報のサイトを分野ごとに紹介しています。"
         "インターネットの情報に迷ったときにご覧ください。",
         "どなたでも", "無料", "ウェブサイトをご覧ください。", "", "", "", ""}}},
      {"がん患者サロン みどりの会",
       "がんかんじゃさろんみどりのかい",
       "患者と家族が集まって話し合うがんサロンです。",
       "",
       {{"other", "がんサロン みどりの会 定例会", "がんさろんみどりのかいていれいかい",
         "同じ経験をした仲間と、治療や仕事、暮らしのことを気軽に話せる場です。",
         "がん患者さんとご家族", "無料", "当日、直接会場へお越しください。",
         "毎月第3土曜 13:30〜15:30", "", "中央1-2-3 つなぐ県総合保健センター1階 交流室",
         "みどり駅から徒歩5分"}}},
  };
  return providers;
}

const std::vector<DemoProvider>& HospitalProviders() {
  static const std::vector<DemoProvider> providers = {
      {"みどり市立病院",
       "みどりしりつびょういん",
       "地域がん診療連携拠点病院です。がん相談支援センターでは、どなたでも無料で相談できます。",
       "https://example.jp/midori-hospital/",
       {{"hospitals", "みどり市立病院 がん相談支援センター", "みどりしりつびょういんがんそうだん",
         "がん専門相談員（看護師・医療ソーシャルワーカー）が、治療や療養生活、費用、仕事の"
         "ことなどのご相談に応じます。この病院にかかっていない方も利用できます。",
         "がん患者さん、ご家族、地域の方", "無料", "電話または来所でご相談ください。",
         "平日 8:30〜17:00", "096-300-4401", "緑町1-1 みどり市立病院 本館1階",
         "みどり駅からバスで15分「市立病院前」下車"},
        {"second_opinion", "セカンドオピニオン外来", "せかんどおぴにおんがいらい",
         "主治医以外の専門医の意見を聞くことができます。紹介状と検査資料をお持ちください。",
         "他の医療機関で治療中のがん患者さんとご家族", "30分 11,000円（自費）",
         "がん相談支援センターに電話で予約してください。", "火曜・木曜 14:00〜16:00",
         "096-300-4401", "緑町1-1 みどり市立病院 本館1階",
         "みどり駅からバスで15分「市立病院前」下車"}}},
  };
  return providers;
}

core::Status AddProviders(directory::DirectoryService& dir, const auth::Principal& who,
                          const audit::Actor& actor, const std::vector<DemoProvider>& providers) {
  auto existing = dir.OwnOrganizations(who);
  if (!existing) return existing.error();
  if (!existing->empty()) return core::OkStatus();  // done on an earlier run
  for (const auto& p : providers) {
    auto org =
        dir.CreateOrganization(who, actor, {p.name, p.furigana, p.description, p.website, ""});
    if (!org) return org.error();
    for (const auto& e : p.entries) {
      directory::ServiceInput in;
      in.organization_id = *org;
      in.category = e.category;
      in.name = e.name;
      in.furigana = e.furigana;
      in.description = e.description;
      in.eligibility = e.eligibility;
      in.fees = e.fees;
      in.application = e.application;
      in.schedule = e.schedule;
      in.phone = e.phone;
      in.url = p.website;
      if (*e.address != '\0') {
        in.prefecture = "つなぐ県";
        in.municipality = "みどり市";
        in.address = e.address;
      }
      in.access = e.access;
      if (auto id = dir.CreateService(who, actor, in); !id) return id.error();
    }
  }
  return core::OkStatus();
}

auth::Principal Coordinator(std::int64_t user, std::int64_t org) {
  auth::Principal who;
  who.user_id = user;
  who.stage = "full";
  who.organization_id = org;
  who.role = auth::Role::kAdmin;
  return who;
}

}  // namespace

core::Status AddDemoDirectory(Services& sv, std::int64_t prefecture, std::int64_t jimu,
                              std::int64_t hospital, std::int64_t kango) {
  directory::DirectoryService dir(sv.db, sv.clock);
  if (prefecture != 0 && jimu != 0) {
    auto st = AddProviders(dir, Coordinator(jimu, prefecture), {jimu, prefecture, "cli", "demo"},
                           PrefectureProviders());
    if (!st) return st;
  }
  if (hospital != 0 && kango != 0) {
    auto st = AddProviders(dir, Coordinator(kango, hospital), {kango, hospital, "cli", "demo"},
                           HospitalProviders());
    if (!st) return st;
  }
  return core::OkStatus();
}

}  // namespace tsunagu::app
