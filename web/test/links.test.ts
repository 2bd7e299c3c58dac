import { describe, expect, it } from "vitest";
import { defaultLinkTemplate, frameLink, parsePathMap } from "../src/links";

describe("file links", () => {
  it("fills the default VS Code template for a mapped path", () => {
    expect(frameLink(defaultLinkTemplate, "/opt/my trainer/x.py", 12, parsePathMap("/opt/=>/home/me/"))).toBe("vscode://file//home/me/my%20trainer/x.py:12");
  });
  it("links nothing the path map does not place (a Colab or container path means nothing locally)", () => {
    expect(frameLink(defaultLinkTemplate, "/content/train.py", 12)).toBeNull();
    expect(frameLink(defaultLinkTemplate, "/content/train.py", 12, parsePathMap("/opt/=>"))).toBeNull();
  });
  it("maps paths to a repository URL", () => {
    const map = parsePathMap("/opt/trainer/=>; /srv/=>lib/");
    expect(frameLink("https://git.example/org/repo/blob/main/{file}#L{line}", "/opt/trainer/train.py", 7, map)).toBe(
      "https://git.example/org/repo/blob/main/train.py#L7",
    );
  });
  it("refuses script URLs and pseudo-files", () => {
    expect(frameLink("javascript:alert('{file}')", "/x.py", 1, parsePathMap("/=>/"))).toBeNull();
    expect(frameLink(defaultLinkTemplate, "<frozen runpy>", 1)).toBeNull();
  });
});
