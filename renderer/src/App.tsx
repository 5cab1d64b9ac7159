import { useStore } from "./store/store";
export function App() {
  const status = useStore((s) => s.status);
  return <div>{status}</div>;
}
