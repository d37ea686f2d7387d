/** zh-CN strings (default). Terms follow /work/shared/GLOSSARY.md. */
export const zhCN = {
  app: {
    title: '武汉市疫情防控网格化指挥大屏',
    scenarioTime: '情景时间',
    note: '网格为示意（H3 六边形）',
    waiting: '等待数据…',
  },
  live: {
    live: '实时 LIVE',
    connecting: '正在连接服务器…',
    staleSeconds: '数据已 {{n}} 秒未更新',
    staleMinutes: '数据已 {{n}} 分钟未更新',
    reconnecting: '连接中断，正在重连',
    offline: '离线：无法连接服务器，持续重试中',
    lastUpdate: '最后更新 {{time}}',
  },
  kpi: {
    confirmed: '确诊',
    active: '现有确诊',
    cured: '治愈',
    deaths: '死亡',
    checkpointsOpen: '开放卡口',
    checkpointsOpenNote: '含限行 · 共 {{total}} 个',
    teamsOnDuty: '在岗队伍',
    teamsOnDutyNote: '不含下班 · 共 {{total}} 支',
    casesNote: '各网格合计',
  },
  chart: {
    curve: '疫情曲线',
    byDistrict: '各区确诊',
    noData: '暂无数据',
  },
  legend: {
    risk: '网格风险',
    heat: '现有确诊密度',
    checkpoints: '卡口状态',
    teams: '队伍',
    trail: '近期轨迹',
  },
  risk: { low: '低风险', medium: '中风险', high: '高风险' },
  checkpoint: { open: '开放', restricted: '限行', closed: '关闭', lifted: '已解除管控' },
  team: { disinfection: '消杀队', patrol: '巡逻队', volunteer: '志愿者', medical: '医疗队' },
  lang: { switchTo: 'EN', switchLabel: 'Switch to English' },
  district: {} as Record<string, string>,
};

/** The shape every language must fill. */
export type Resources = typeof zhCN;
