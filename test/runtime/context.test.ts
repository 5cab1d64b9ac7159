import { describe, expect, it } from "vitest";
import { context, defaultCase, go, println, recv, select, sleep, time } from "goroscope/runtime";
import { kinds, runProgram } from "./harness";

describe("context", () => {
  it("background is never done and has no error", async () => {
    const o = await runProgram(async () => {
      const bg = context.background();
      await select(recv(bg.done(), () => println("done")), defaultCase(() => println("not done")));
      println(bg.err(), bg.deadline());
    });
    expect(o.out).toEqual(["not done", "<nil> <nil>"]);
  });

  it("withCancel: cancel closes Done, sets err, and flows to every descendant", async () => {
    const o = await runProgram(async () => {
      const [parent, cancel] = context.withCancel(context.background());
      const [child] = context.withCancel(parent);
      const [grandchild] = context.withTimeout(child, time.Hour);
      go(async function watcher() {
        await grandchild.done().recv();
        println("grandchild done:", grandchild.err(), "at", time.now());
      });
      await sleep(time.Second);
      println("before:", parent.err());
      cancel();
      cancel(); // a second call does nothing
      await sleep(1);
      println("parent:", parent.err(), "child:", child.err());
    });
    expect(o.out).toEqual(["before: <nil>", "grandchild done: context canceled at 1000000000", "parent: context canceled child: context canceled"]);
    expect(kinds(o, "ctx.cancel")).toHaveLength(3);
  });

  it("canceling a child leaves the parent alone", async () => {
    const o = await runProgram(async () => {
      const [parent] = context.withCancel(context.background());
      const [, cancelChild] = context.withCancel(parent);
      cancelChild();
      println(parent.err());
    });
    expect(o.out).toEqual(["<nil>"]);
  });

  it("withTimeout: done at exactly the deadline with 'context deadline exceeded'", async () => {
    const o = await runProgram(async () => {
      const [ctx, cancel] = context.withTimeout(context.background(), 5 * time.Second);
      println("deadline", ctx.deadline());
      await ctx.done().recv();
      println(ctx.err(), "at", time.formatDuration(time.now()));
      cancel();
      println(ctx.err());
    });
    expect(o.out).toEqual(["deadline 5000000000", "context deadline exceeded at 5s", "context deadline exceeded"]);
  });

  it("a child of a canceled parent starts canceled", async () => {
    const o = await runProgram(async () => {
      const [parent, cancel] = context.withCancel(context.background());
      cancel();
      const [child] = context.withCancel(parent);
      println(child.err());
    });
    expect(o.out).toEqual(["context canceled"]);
  });

  it("a child's deadline cannot be later than its parent's", async () => {
    const o = await runProgram(async () => {
      const [parent] = context.withTimeout(context.background(), time.Second);
      const [child] = context.withTimeout(parent, time.Hour);
      println(child.deadline());
      await child.done().recv();
      println(child.err(), time.now());
    });
    expect(o.out).toEqual(["1000000000", "context deadline exceeded 1000000000"]);
  });

  it("a deadline already past cancels at once", async () => {
    const o = await runProgram(async () => {
      await sleep(time.Second);
      const [ctx] = context.withDeadline(context.background(), 0);
      println(ctx.err());
    });
    expect(o.out).toEqual(["context deadline exceeded"]);
  });

  it("cancellation wakes every goroutine selecting on Done", async () => {
    const o = await runProgram(async () => {
      const [ctx, cancel] = context.withCancel(context.background());
      const stopped = [] as number[];
      for (let i = 0; i < 3; i++) {
        go(async () => {
          await select(recv(ctx.done(), () => stopped.push(i)));
        });
      }
      await sleep(1);
      cancel();
      await sleep(1);
      println(stopped.length);
    });
    expect(o.out).toEqual(["3"]);
    expect(o.result.goroutines).toEqual([]);
  });
});
