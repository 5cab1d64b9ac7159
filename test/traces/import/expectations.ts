/**
 * What each Go trace fixture (test/fixtures/go-traces) must import as, recorded once as data.
 *
 * - `transitionsByG`: per goroutine (Go's attribution: the creator of a GoCreate, the waker of a
 *   GoUnblock), how many goroutine events of each type the trace holds. For go119 and go121 these
 *   are `go tool trace -d` counts: Go 1.19's own parser (`internal/trace`, Debian's golang-go
 *   1.19.8; for the 1.21 header the same parser with 1021 added to its accepted versions, the
 *   wire layout being unchanged) run over the fixture. For go122 and go123 no Go 1.22+ toolchain
 *   was at hand: they are our parser's counts, checked by hand against the programs (3 leaky
 *   receivers; 8 lockers with 20 Gosched each; 4 producers and 4 selects; 4 workers, producer,
 *   closer) and the same-program v1 traces.
 * - `lanes`: goroutines given a lane (Go's system goroutines folded into goroutine 0), by start
 *   function; for v1 equal to Go's GoCreate start functions minus runtime ones.
 * - `blockReasons`: Goroscope `go.block` reasons written.
 */
export interface FixtureExpectation {
  readonly lanes: Readonly<Record<string, number>>;
  readonly blockReasons: Readonly<Record<string, number>>;
  readonly transitionsByG: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

export const EXPECTED: Readonly<Record<string, FixtureExpectation>> = {
  "go119/leak": {
    lanes: {"main.leaky":3},
    blockReasons: {"sleep":1,"chan.recv":3},
    transitionsByG: {"0":{"GoCreate":5,"GoUnblock":1},"1":{"GoCreate":4,"GoSched":1,"GoSleep":1,"GoStart":2,"GoSysCall":1},"2":{"GoWaiting":1},"3":{"GoWaiting":1},"4":{"GoWaiting":1},"5":{"GoWaiting":1},"6":{"GoBlock":1,"GoStart":2,"GoSysBlock":1,"GoSysCall":1,"GoSysExit":1},"7":{"GoBlockRecv":1,"GoStart":1},"8":{"GoBlockRecv":1,"GoStart":1},"9":{"GoBlockRecv":1,"GoStart":1}},
  },
  "go119/mutex": {
    lanes: {"main.contend.func2":8},
    blockReasons: {"wg.wait":1,"mutex.lock":417},
    transitionsByG: {"0":{"GoCreate":5},"1":{"GoBlockSync":1,"GoCreate":9,"GoSched":1,"GoStart":2,"GoSysCall":1},"2":{"GoWaiting":1},"3":{"GoWaiting":1},"4":{"GoWaiting":1},"5":{"GoWaiting":1},"6":{"GoBlock":1,"GoStart":2,"GoSysBlock":1,"GoSysCall":1,"GoSysExit":1},"7":{"GoBlockSync":61,"GoEnd":1,"GoSched":20,"GoStart":82,"GoUnblock":66},"8":{"GoBlockSync":59,"GoEnd":1,"GoSched":20,"GoStart":80,"GoUnblock":57},"9":{"GoBlockSync":73,"GoEnd":1,"GoSched":20,"GoStart":94,"GoUnblock":67},"10":{"GoBlockSync":39,"GoEnd":1,"GoSched":20,"GoStart":60,"GoUnblock":51},"11":{"GoBlockSync":49,"GoEnd":1,"GoSched":20,"GoStart":70,"GoUnblock":36},"12":{"GoBlockSync":59,"GoEnd":1,"GoSched":20,"GoStart":80,"GoUnblock":51},"13":{"GoBlockSync":45,"GoEnd":1,"GoSched":20,"GoStart":66,"GoUnblock":56},"14":{"GoBlockSync":32,"GoEnd":1,"GoSched":20,"GoStart":53,"GoUnblock":34}},
  },
  "go119/selecttimeout": {
    lanes: {"main.producer":4},
    blockReasons: {"select":4,"sleep":5},
    transitionsByG: {"0":{"GoCreate":5,"GoUnblock":7},"1":{"GoBlockSelect":4,"GoCreate":5,"GoSched":1,"GoSleep":1,"GoStart":6,"GoSysCall":4},"2":{"GoWaiting":1},"3":{"GoWaiting":1},"4":{"GoWaiting":1},"5":{"GoEnd":1,"GoSleep":1,"GoStart":2},"17":{"GoWaiting":1},"18":{"GoBlock":1,"GoStart":1,"GoSysCall":1},"19":{"GoEnd":1,"GoSleep":1,"GoStart":2,"GoUnblock":1},"20":{"GoEnd":1,"GoSleep":1,"GoStart":2,"GoUnblock":1},"21":{"GoEnd":1,"GoSleep":1,"GoStart":2}},
  },
  "go119/workerpool": {
    lanes: {"main.worker":4,"main.main.func1":1,"main.main.func2":1},
    blockReasons: {"chan.recv":4,"wg.wait":1,"chan.send":30,"sleep":40},
    transitionsByG: {"0":{"GoCreate":5,"GoUnblock":40},"1":{"GoBlockRecv":1,"GoCreate":7,"GoSched":1,"GoSleep":20,"GoStart":22,"GoSysCall":1,"GoUnblock":16,"UserTaskCreate":1,"UserTaskEnd":1},"2":{"GoWaiting":1},"3":{"GoWaiting":1},"4":{"GoWaiting":1},"5":{"GoWaiting":1},"6":{"GoBlock":1,"GoStart":1,"GoSysCall":1},"7":{"GoBlockRecv":1,"GoBlockSend":4,"GoEnd":1,"GoSleep":5,"GoStart":11,"GoUnblock":4,"UserLog":1,"UserRegion":10},"8":{"GoBlockRecv":1,"GoBlockSend":4,"GoEnd":1,"GoSleep":5,"GoStart":11,"GoUnblock":4,"UserLog":1,"UserRegion":10},"9":{"GoBlockRecv":1,"GoBlockSend":4,"GoEnd":1,"GoSleep":5,"GoStart":11,"GoUnblock":4,"UserLog":1,"UserRegion":10},"10":{"GoBlockSend":4,"GoEnd":1,"GoSleep":5,"GoStart":10,"GoUnblock":4,"UserLog":1,"UserRegion":10},"11":{"GoBlockSend":14,"GoEnd":1,"GoStart":15,"GoUnblock":3},"12":{"GoBlockSync":1,"GoEnd":1,"GoStart":2}},
  },
  "go121/leak": {
    lanes: {"main.leaky":3},
    blockReasons: {"sleep":1,"chan.recv":3},
    transitionsByG: {"0":{"GoCreate":5,"GoUnblock":1},"1":{"GoCreate":4,"GoSched":1,"GoSleep":1,"GoStart":2,"GoSysCall":1},"2":{"GoWaiting":1},"3":{"GoWaiting":1},"4":{"GoWaiting":1},"5":{"GoWaiting":1},"6":{"GoBlock":1,"GoStart":1,"GoSysCall":1},"7":{"GoBlockRecv":1,"GoStart":1},"8":{"GoBlockRecv":1,"GoStart":1},"9":{"GoBlockRecv":1,"GoStart":1}},
  },
  "go121/mutex": {
    lanes: {"main.contend.func2":8},
    blockReasons: {"wg.wait":1,"mutex.lock":673},
    transitionsByG: {"0":{"GoCreate":5},"1":{"GoBlockSync":1,"GoCreate":9,"GoSched":1,"GoStart":2,"GoSysCall":1},"2":{"GoWaiting":1},"3":{"GoWaiting":1},"4":{"GoWaiting":1},"5":{"GoWaiting":1},"6":{"GoBlock":1,"GoStart":1,"GoSysCall":1},"7":{"GoBlockSync":84,"GoEnd":1,"GoSched":20,"GoStart":105,"GoUnblock":80},"8":{"GoBlockSync":91,"GoEnd":1,"GoSched":20,"GoStart":112,"GoUnblock":88},"9":{"GoBlockSync":92,"GoEnd":1,"GoSched":20,"GoStart":113,"GoUnblock":95},"10":{"GoBlockSync":84,"GoEnd":1,"GoSched":20,"GoStart":105,"GoUnblock":80},"11":{"GoBlockSync":72,"GoEnd":1,"GoSched":20,"GoStart":93,"GoUnblock":68},"12":{"GoBlockSync":85,"GoEnd":1,"GoSched":20,"GoStart":106,"GoUnblock":90},"13":{"GoBlockSync":70,"GoEnd":1,"GoSched":20,"GoStart":91,"GoUnblock":77},"14":{"GoBlockSync":95,"GoEnd":1,"GoSched":20,"GoStart":116,"GoUnblock":96}},
  },
  "go121/selecttimeout": {
    lanes: {"main.producer":4},
    blockReasons: {"select":4,"sleep":5},
    transitionsByG: {"0":{"GoCreate":5,"GoUnblock":7},"1":{"GoBlockSelect":4,"GoCreate":5,"GoPreempt":1,"GoSched":1,"GoSleep":1,"GoStart":7,"GoSysCall":4},"2":{"GoWaiting":1},"3":{"GoWaiting":1},"4":{"GoWaiting":1},"5":{"GoEnd":1,"GoSleep":1,"GoStart":2},"6":{"GoEnd":1,"GoSleep":1,"GoStart":2},"17":{"GoWaiting":1},"18":{"GoBlock":1,"GoStart":1,"GoSysCall":1},"19":{"GoEnd":1,"GoSleep":1,"GoStart":2,"GoUnblock":1},"20":{"GoEnd":1,"GoSleep":1,"GoStart":2,"GoUnblock":1}},
  },
  "go121/workerpool": {
    lanes: {"main.worker":4,"main.main.func1":1,"main.main.func2":1},
    blockReasons: {"chan.recv":5,"wg.wait":1,"chan.send":28,"sleep":40},
    transitionsByG: {"0":{"GoCreate":5,"GoUnblock":40},"1":{"GoBlockRecv":1,"GoCreate":7,"GoSched":1,"GoSleep":20,"GoStart":22,"GoSysCall":1,"GoUnblock":16,"UserTaskCreate":1,"UserTaskEnd":1},"2":{"GoWaiting":1},"3":{"GoWaiting":1},"4":{"GoWaiting":1},"5":{"GoWaiting":1},"6":{"GoBlock":1,"GoStart":1,"GoSysCall":1},"7":{"GoBlockRecv":1,"GoBlockSend":4,"GoEnd":1,"GoSleep":5,"GoStart":11,"GoUnblock":2,"UserLog":1,"UserRegion":10},"8":{"GoBlockRecv":1,"GoBlockSend":4,"GoEnd":1,"GoSleep":5,"GoStart":11,"GoUnblock":3,"UserLog":1,"UserRegion":10},"9":{"GoBlockRecv":1,"GoBlockSend":4,"GoEnd":1,"GoSleep":5,"GoStart":11,"GoUnblock":5,"UserLog":1,"UserRegion":10},"10":{"GoBlockRecv":1,"GoBlockSend":4,"GoEnd":1,"GoSleep":5,"GoStart":11,"GoUnblock":4,"UserLog":1,"UserRegion":10},"11":{"GoBlockSend":12,"GoEnd":1,"GoStart":13,"GoUnblock":4},"12":{"GoBlockSync":1,"GoEnd":1,"GoStart":2}},
  },
  "go122/leak": {
    lanes: {"main.leaky":3},
    blockReasons: {"sleep":1,"chan.recv":3},
    transitionsByG: {"0":{"GoUnblock":1},"1":{"GoStatus":1,"GoCreate":6,"GoBlock":1,"GoStart":1,"GoSyscallBegin":1,"GoSyscallEnd":1},"2":{"GoStatus":1},"3":{"GoStatus":1},"4":{"GoStatus":1},"17":{"GoStatus":1},"18":{"GoStart":1,"GoBlock":1},"19":{"GoStart":1,"GoBlock":1},"20":{"GoStart":1,"GoSyscallBegin":1,"GoSyscallEnd":1,"GoBlock":1},"21":{"GoStart":1,"GoBlock":1},"22":{"GoStart":1,"GoBlock":1},"23":{"GoStart":1,"GoBlock":1}},
  },
  "go122/mutex": {
    lanes: {"main.contend.func1":8},
    blockReasons: {"wg.wait":1,"mutex.lock":246},
    transitionsByG: {"1":{"GoStatus":1,"GoCreate":11,"GoBlock":1,"GoStart":1,"GoSyscallBegin":1,"GoSyscallEnd":1},"2":{"GoStatus":1},"3":{"GoStatus":1},"4":{"GoStatus":1},"17":{"GoStatus":1},"18":{"GoStart":1,"GoBlock":1},"19":{"GoStart":1,"GoBlock":1},"20":{"GoStart":1,"GoSyscallBegin":1,"GoSyscallEnd":1,"GoBlock":1},"21":{"GoStart":54,"GoBlock":33,"GoStop":20,"GoUnblock":31,"GoDestroy":1},"22":{"GoStart":56,"GoStop":20,"GoUnblock":34,"GoBlock":35,"GoDestroy":1},"23":{"GoStart":43,"GoStop":20,"GoUnblock":25,"GoBlock":22,"GoDestroy":1},"24":{"GoStart":56,"GoStop":20,"GoBlock":35,"GoUnblock":34,"GoDestroy":1},"25":{"GoStart":39,"GoStop":20,"GoBlock":18,"GoUnblock":16,"GoDestroy":1},"26":{"GoStart":57,"GoStop":20,"GoUnblock":35,"GoBlock":36,"GoDestroy":1},"27":{"GoStart":61,"GoStop":20,"GoUnblock":44,"GoBlock":40,"GoDestroy":1},"28":{"GoStart":48,"GoStop":20,"GoBlock":27,"GoUnblock":28,"GoDestroy":1}},
  },
  "go122/selecttimeout": {
    lanes: {"main.producer":4},
    blockReasons: {"select":4,"sleep":5},
    transitionsByG: {"0":{"GoUnblock":7},"1":{"GoStatus":1,"GoCreate":7,"GoBlock":5,"GoStart":6,"GoSyscallBegin":4,"GoSyscallEnd":4,"GoStop":1},"2":{"GoStatus":1},"3":{"GoStatus":1},"4":{"GoStatus":1},"5":{"GoStart":2,"GoBlock":1,"GoDestroy":1},"6":{"GoStart":2,"GoBlock":1,"GoDestroy":1},"17":{"GoStatus":1},"18":{"GoStart":1,"GoBlock":1},"19":{"GoStart":1,"GoBlock":1},"20":{"GoStart":1,"GoSyscallBegin":1,"GoSyscallEnd":1,"GoBlock":1},"21":{"GoStart":2,"GoBlock":1,"GoUnblock":1,"GoDestroy":1},"22":{"GoStart":2,"GoBlock":1,"GoUnblock":1,"GoDestroy":1}},
  },
  "go122/workerpool": {
    lanes: {"main.worker":4,"main.main.func1":1,"main.main.func2":1},
    blockReasons: {"chan.recv":5,"wg.wait":1,"chan.send":29,"sleep":40},
    transitionsByG: {"0":{"GoUnblock":40},"1":{"GoStatus":1,"GoCreate":9,"UserTaskBegin":1,"GoBlock":21,"GoStart":21,"GoUnblock":16,"GoSyscallBegin":1,"GoSyscallEnd":1,"UserTaskEnd":1},"2":{"GoStatus":1},"3":{"GoStatus":1},"4":{"GoStatus":1},"5":{"GoStatus":1},"6":{"GoStart":1,"GoBlock":1},"7":{"GoStart":1,"GoBlock":1},"8":{"GoStart":1,"GoSyscallBegin":1,"GoSyscallEnd":1,"GoBlock":1},"9":{"GoStart":11,"GoBlock":10,"UserRegionBegin":5,"UserRegionEnd":5,"GoUnblock":5,"UserLog":1,"GoDestroy":1},"10":{"GoStart":11,"GoBlock":10,"UserRegionBegin":5,"UserRegionEnd":5,"GoUnblock":4,"UserLog":1,"GoDestroy":1},"11":{"GoStart":11,"GoBlock":10,"UserRegionBegin":5,"UserRegionEnd":5,"GoUnblock":3,"UserLog":1,"GoDestroy":1},"12":{"GoStart":11,"GoBlock":10,"UserRegionBegin":5,"UserRegionEnd":5,"GoUnblock":3,"UserLog":1,"GoDestroy":1},"13":{"GoStart":14,"GoUnblock":4,"GoBlock":13,"GoDestroy":1},"14":{"GoStart":2,"GoBlock":1,"GoDestroy":1}},
  },
  "go123/leak": {
    lanes: {"main.leaky":3},
    blockReasons: {"sleep":1,"chan.recv":3},
    transitionsByG: {"0":{"GoUnblock":1},"1":{"GoStatus":1,"GoCreate":6,"GoBlock":1,"GoStart":1,"GoSyscallBegin":1,"GoSyscallEnd":1},"2":{"GoStatusStack":1},"3":{"GoStatusStack":1},"4":{"GoStatusStack":1},"5":{"GoStatusStack":1},"6":{"GoStart":1,"GoBlock":1},"7":{"GoStart":1,"GoBlock":1},"8":{"GoStart":1,"GoSyscallBegin":1,"GoSyscallEnd":1,"GoBlock":1},"9":{"GoStart":1,"GoBlock":1},"10":{"GoStart":1,"GoBlock":1},"11":{"GoStart":1,"GoBlock":1}},
  },
  "go123/mutex": {
    lanes: {"main.contend.func1":8},
    blockReasons: {"wg.wait":1},
    transitionsByG: {"1":{"GoStatus":1,"GoCreate":11,"GoBlock":1,"GoStart":1,"GoSyscallBegin":1,"GoSyscallEnd":1},"2":{"GoStatusStack":1},"3":{"GoStatusStack":1},"4":{"GoStatusStack":1},"17":{"GoStatusStack":1},"18":{"GoStart":1,"GoBlock":1},"19":{"GoStart":1,"GoBlock":1},"20":{"GoStart":1,"GoSyscallBegin":1,"GoSyscallEnd":1,"GoBlock":1},"21":{"GoStart":21,"GoStop":20,"GoDestroy":1},"22":{"GoStart":21,"GoStop":20,"GoDestroy":1},"23":{"GoStart":21,"GoStop":20,"GoDestroy":1},"24":{"GoStart":21,"GoStop":20,"GoDestroy":1},"25":{"GoStart":21,"GoStop":20,"GoDestroy":1},"26":{"GoStart":21,"GoStop":20,"GoUnblock":1,"GoDestroy":1},"27":{"GoStart":21,"GoStop":20,"GoDestroy":1},"28":{"GoStart":21,"GoStop":20,"GoDestroy":1}},
  },
  "go123/selecttimeout": {
    lanes: {"main.producer":4},
    blockReasons: {"select":4,"sleep":5},
    transitionsByG: {"0":{"GoUnblock":8},"1":{"GoStatus":1,"GoCreate":7,"GoBlock":5,"GoStart":6,"GoSyscallBegin":4,"GoSyscallEnd":4,"GoStop":1},"2":{"GoStatusStack":1},"3":{"GoStatusStack":1},"4":{"GoStatusStack":1},"5":{"GoStart":3,"GoBlock":1,"GoStop":1,"GoUnblock":1,"GoDestroy":1},"17":{"GoStatusStack":1},"18":{"GoStart":1,"GoBlock":1},"19":{"GoStart":1,"GoBlock":1},"20":{"GoStart":2,"GoSyscallBegin":2,"GoSyscallEnd":2,"GoBlock":2},"21":{"GoStart":2,"GoBlock":1,"GoUnblock":1,"GoDestroy":1},"22":{"GoStart":2,"GoBlock":1,"GoDestroy":1},"23":{"GoStart":2,"GoBlock":1,"GoDestroy":1}},
  },
  "go123/workerpool": {
    lanes: {"main.worker":4,"main.main.func1":1,"main.main.func2":1},
    blockReasons: {"chan.recv":5,"wg.wait":1,"chan.send":29,"sleep":40},
    transitionsByG: {"0":{"GoUnblock":40},"1":{"GoStatus":1,"GoCreate":9,"UserTaskBegin":1,"GoBlock":21,"GoStart":21,"GoUnblock":16,"GoSyscallBegin":1,"GoSyscallEnd":1,"UserTaskEnd":1},"2":{"GoStatusStack":1},"3":{"GoStatusStack":1},"4":{"GoStatusStack":1},"5":{"GoStatusStack":1},"6":{"GoStart":1,"GoBlock":1},"7":{"GoStart":1,"GoBlock":1},"8":{"GoStart":1,"GoSyscallBegin":1,"GoSyscallEnd":1,"GoBlock":1},"9":{"GoStart":11,"GoBlock":10,"UserRegionBegin":5,"UserRegionEnd":5,"GoUnblock":5,"UserLog":1,"GoDestroy":1},"10":{"GoStart":11,"GoBlock":10,"UserRegionBegin":5,"UserRegionEnd":5,"GoUnblock":4,"UserLog":1,"GoDestroy":1},"11":{"GoStart":11,"GoBlock":10,"UserRegionBegin":5,"UserRegionEnd":5,"GoUnblock":3,"UserLog":1,"GoDestroy":1},"12":{"GoStart":11,"GoBlock":10,"UserRegionBegin":5,"UserRegionEnd":5,"GoUnblock":3,"UserLog":1,"GoDestroy":1},"13":{"GoStart":14,"GoUnblock":4,"GoBlock":13,"GoDestroy":1},"14":{"GoStart":2,"GoBlock":1,"GoDestroy":1}},
  },
};
