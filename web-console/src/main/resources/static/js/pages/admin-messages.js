// The administrator page's own words.
import { addMessages } from '../i18n.js';

addMessages({
  en: {
    'deadLetters.title': 'Dead letters',
    'deadLetters.explained': 'Records a service could not read, from each of its consumer groups. Replay one once a fixed build can read it: only the group that failed reads it again. Discard one that must never be applied, saying why.',
    'deadLetters.state': 'Show',
    'deadLetters.allStates': 'All',
    'deadLetters.refresh': 'Refresh',
    'deadLetters.replayAll': 'Replay all open',
    'deadLetters.replayedAll': '{count} sent back to their groups.',
    'deadLetters.where': 'group {group}, partition {partition}, offset {offset}, failed {at}',
    'deadLetters.what': 'complaint {key}, event {type}',
    'deadLetters.replay': 'Replay',
    'deadLetters.discard': 'Discard',
    'deadLetters.discardReason': 'Why discard it',
    'deadLetters.replayed': 'Replayed by {actor} at {at}.',
    'deadLetters.discarded': 'Discarded by {actor} at {at}: {reason}',
    'deadLetterState.OPEN': 'Open', 'deadLetterState.REPLAYED': 'Replayed', 'deadLetterState.DISCARDED': 'Discarded',
  },
  'zh-CN': {
    'deadLetters.title': '死信',
    'deadLetters.explained': '各服务的消费组无法读取的记录。修复后的版本能读取时可重放：只有失败的消费组会再次读取。永不应处理的记录可丢弃，并须说明原因。',
    'deadLetters.state': '显示',
    'deadLetters.allStates': '全部',
    'deadLetters.refresh': '刷新',
    'deadLetters.replayAll': '重放全部待处理',
    'deadLetters.replayedAll': '已将 {count} 条发回其消费组。',
    'deadLetters.where': '消费组 {group}，分区 {partition}，偏移量 {offset}，失败于 {at}',
    'deadLetters.what': '投诉 {key}，事件 {type}',
    'deadLetters.replay': '重放',
    'deadLetters.discard': '丢弃',
    'deadLetters.discardReason': '丢弃原因',
    'deadLetters.replayed': '{actor} 于 {at} 重放。',
    'deadLetters.discarded': '{actor} 于 {at} 丢弃：{reason}',
    'deadLetterState.OPEN': '待处理', 'deadLetterState.REPLAYED': '已重放', 'deadLetterState.DISCARDED': '已丢弃',
  },
});
