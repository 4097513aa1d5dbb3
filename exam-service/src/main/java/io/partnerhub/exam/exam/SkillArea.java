package io.partnerhub.exam.exam;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
public class SkillArea {

    @Column(name = "area", nullable = false)
    public String area;

    @Column(name = "weight_min", nullable = false)
    public int weightMin;

    @Column(name = "weight_max", nullable = false)
    public int weightMax;

    protected SkillArea() {
    }

    public SkillArea(String area, int weightMin, int weightMax) {
        this.area = area;
        this.weightMin = weightMin;
        this.weightMax = weightMax;
    }
}
