import { formatScenarioTime } from '../../i18n/format.js';
import { Icon } from './icons.js';
import { useConsoleT } from '../i18n/consoleI18n.js';
import { REPLAY_SPEEDS, type ReplayAction, type ReplaySpeed, type ReplayState } from '../model/replay.js';
import { firstSeq, lastSeq, scenarioTimeAt, type Timeline } from '../model/timeline.js';

/** Props of `TimeBar`. */
export interface TimeBarProps {
  timeline: Timeline;
  replay: ReplayState;
  dispatch: (a: ReplayAction) => void;
  /** Scenario time of the picture shown (its clock), which the cursor label prefers to the interpolated one. */
  shownScenarioTime: number | null;
}

/**
 * The time slider over the event log (a native range input: arrows, Page Up/Down, Home/End work),
 * labelled in scenario time, with play/pause, step and speed.
 */
export function TimeBar({ timeline, replay, dispatch, shownScenarioTime }: TimeBarProps) {
  const { t, lang } = useConsoleT();
  const min = firstSeq(timeline);
  const max = lastSeq(timeline);
  const value = replay.mode === 'replay' ? replay.seq : max;
  const label = (seq: number) => {
    const s = seq === value && shownScenarioTime !== null ? shownScenarioTime : scenarioTimeAt(timeline, seq);
    return s === null ? '—' : formatScenarioTime(s, lang);
  };
  const playing = replay.mode === 'replay' && replay.playing;
  const ready = max > min;
  return (
    <section className="timebar" aria-label={t('replay.slider')}>
      <div className="timebar-buttons">
        <button type="button" className="btn btn--icon" disabled={!ready} onClick={() => dispatch({ type: 'step', direction: -1 })} aria-label={t('replay.stepBack')} title={t('replay.stepBack')}>
          <Icon name="back" />
        </button>
        <button type="button" className="btn btn--icon" disabled={!ready} onClick={() => dispatch({ type: playing ? 'pause' : 'play' })} aria-label={playing ? t('replay.pause') : t('replay.play')} title={playing ? t('replay.pause') : t('replay.play')} data-testid="play">
          <Icon name={playing ? 'pause' : 'play'} />
        </button>
        <button type="button" className="btn btn--icon" disabled={!ready || replay.mode === 'live'} onClick={() => dispatch({ type: 'step', direction: 1 })} aria-label={t('replay.stepForward')} title={t('replay.stepForward')}>
          <Icon name="forward" />
        </button>
        <label className="timebar-speed" title={t('replay.speedNote')}>
          <span className="visually-hidden">{t('replay.speed')}</span>
          <select value={replay.speed} onChange={(e) => dispatch({ type: 'speed', speed: Number(e.target.value) as ReplaySpeed })}>
            {REPLAY_SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="timebar-track">
        <input
          type="range"
          className="timebar-slider"
          data-testid="time-slider"
          min={min}
          max={Math.max(max, min + 1)}
          step={1}
          value={value}
          disabled={!ready}
          aria-label={t('replay.slider')}
          aria-valuetext={replay.mode === 'live' ? `${t('live')} ${label(max)}` : label(value)}
          onChange={(e) => dispatch({ type: 'seek', seq: Number(e.target.value) })}
        />
        <div className="timebar-labels" aria-hidden="true">
          <span>{ready ? label(min) : ''}</span>
          <span className={replay.mode === 'live' ? 'timebar-now timebar-now--live' : 'timebar-now'}>{replay.mode === 'live' ? t('live') : label(value)}</span>
          <span>{ready ? label(max) : ''}</span>
        </div>
      </div>
    </section>
  );
}
