import type { Rng } from './prng.js';

// The most common Chinese surnames (roughly by frequency) and given-name characters popular for
// people born 1960–2000 — the age of 2020's grid workers. Synthetic people, not real ones.
const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏付方邹熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万严覃戴'];
const GIVEN = [...'伟芳娜秀敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂英华玉兰萍红建文辉力斌波宇浩凯健俊峰鹏飞琴云燕梅丹晨晓雪婷慧颖海亮志国庆春林成永新东'];

/** A plausible Chinese full name: surname plus one or two given-name characters. */
export function personName(rng: Rng): string {
  const given = rng.chance(0.7) ? rng.pick(GIVEN) + rng.pick(GIVEN) : rng.pick(GIVEN);
  return rng.pick(SURNAMES) + given;
}

const DIGITS = [...'零一二三四五六七八九'];

/** Chinese ordinal numeral for 1–99, as in 消杀一队, 巡逻十二队. */
export function chineseNumber(n: number): string {
  if (n < 1 || n > 99 || !Number.isInteger(n)) throw new Error(`chineseNumber: ${n} out of 1–99`);
  if (n < 10) return DIGITS[n] as string;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

/** 江岸区 → 江岸: district names as used in place names (桥头, 界). */
export function shortDistrict(name: string): string {
  return name.length > 2 ? name.replace(/区$/, '') : name;
}

/** 长堤社区居委会 → 长堤: a community as named in place names (长堤农贸市场). */
export function shortCommunity(name: string): string {
  const base = name.replace(/(居民委员会|居委会|村民委员会|村委会)$/, '').replace(/社区$/, '');
  return base.length > 0 ? base : name;
}

/** 唐家墩街街道 / 大智街道 → 唐家墩街 / 大智街: a street as named in place names. */
export function shortStreet(name: string): string {
  return name.endsWith('街道') ? `${name.slice(0, -2).replace(/街$/, '')}街` : name;
}
